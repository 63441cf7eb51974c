// Helpers for the constructs tests: stacks with settings, synthesized JSON, validation errors,
// provisioners and specs read back the way Terraform would see them.
import { join } from 'node:path';
import { App, TerraformStack, Testing } from 'cdktf';
import type { BridgeSpec } from '../../lib/spec/spec';
import {
  CookbookVersion,
  FirewallProfile,
  FloatingIp,
  ImcoSettings,
  SaasAccount,
  Script,
  Secret,
  Server,
  ServerArray,
  SshProfile,
  Subnet,
  Template,
  Volume,
  Vpc,
  Vpn,
  type HandlerFlavour,
  type ImcoSettingsProps,
} from '../../lib/constructs';

export const FIXTURES = join(__dirname, 'fixtures');
export const ENDPOINT = 'https://imco.test:886/v2';

export interface TestStack {
  readonly app: App;
  readonly stack: TerraformStack;
}

/**
 * An app with one stack `shop` and ImcoSettings (explicit endpoint unless overridden). These tests
 * are about the provisioner encoding, so the flavour is `terraform_data` unless overridden (the
 * library's default is `provider`).
 */
export function makeStack(settings: ImcoSettingsProps = {}, stackId = 'shop'): TestStack {
  const app = Testing.app();
  const stack = new TerraformStack(app, stackId);
  new ImcoSettings(stack, 'imco', { endpoint: 'https://imco.test:886', bridgeCommand: 'imco-bridge', flavour: 'terraform_data', ...settings });
  return { app, stack };
}

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function synthJson(stack: TerraformStack): Json {
  return JSON.parse(Testing.synth(stack)) as Json;
}

/** `[path] message` for every validation error under the stack (what cdktf reports on synth). */
export function validationErrors(stack: TerraformStack): string[] {
  return stack.node
    .findAll()
    .flatMap((c) => c.node.validate().map((message) => `[${c.node.path}] ${message}`));
}

/** What Terraform makes of a literal string in JSON config (template escapes undone). */
export function terraformUnescape(text: string): string {
  return text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

/** The resources of one type, by logical name. */
/** The per-object handler resources of a synthesized stack (the stack's prune and sweep resources aside). */
export function resourcesOf(json: Json, flavour: HandlerFlavour): Record<string, Json> {
  const all = (json.resource?.[flavour] ?? {}) as Record<string, Json>;
  return Object.fromEntries(Object.entries(all).filter(([name]) => name !== 'imco_prune' && name !== 'imco_sweep'));
}

/** The stack's sweep resource. */
export function sweepResourceOf(json: Json, flavour: HandlerFlavour): Json {
  return (json.resource?.[flavour] ?? {}).imco_sweep as Json;
}

/** The stack's prune resource. */
export function pruneResourceOf(json: Json, flavour: HandlerFlavour): Json {
  return (json.resource?.[flavour] ?? {}).imco_prune as Json;
}

export function triggersOf(resource: Json, flavour: HandlerFlavour): Record<string, string> {
  return (flavour === 'terraform_data' ? resource.triggers_replace : resource.triggers) as Record<string, string>;
}

export function provisioners(resource: Json): { when?: string; on_failure?: string; command: string; environment: Record<string, string> }[] {
  return (resource.provisioner as Json[]).map((p) => p['local-exec']);
}

/** The BridgeSpec a create/update/action provisioner hands to imco-bridge. */
export function specOf(resource: Json): BridgeSpec {
  const create = provisioners(resource).find((p) => p.when !== 'destroy');
  if (!create) throw new Error('no create-time provisioner');
  return JSON.parse(terraformUnescape(create.environment.IMCO_BRIDGE_SPEC)) as BridgeSpec;
}

export { withEnv } from '../support/env';

/** One of every kind, wired the way a real stack would be. Secrets come from the given sources. */
export function buildEveryKind(
  stack: TerraformStack,
  secrets: { psk: Secret; privateKey: Secret; accountData: Secret },
): Record<string, unknown> {
  const script = new Script(stack, 'deploy', {
    name: 'deploy',
    codeFile: join(FIXTURES, 'deploy.sh'),
    parameters: ['VERSION'],
    attachments: [join(FIXTURES, 'nginx.conf')],
  });
  const cookbook = new CookbookVersion(stack, 'webapp-cookbook', { source: join(FIXTURES, 'cookbooks', 'webapp') });
  const template = new Template(stack, 'web-template', {
    name: 'web',
    genericImage: 'img-ubuntu-2204',
    runList: ['recipe[webapp]'],
    cookbookVersions: { webapp: cookbook, nginx: '~> 12.0' },
    configurationAttributes: { webapp: { port: 8080 } },
    operationalScripts: [{ script, parameterValues: { VERSION: '1.0' } }],
  });
  const firewall = new FirewallProfile(stack, 'web-fw', {
    name: 'web',
    description: 'web servers',
    rules: [
      { protocol: 'tcp', port: 443, source: '0.0.0.0/0' },
      { protocol: 'tcp', fromPort: 8000, toPort: 8080, source: '10.0.0.0/8' },
    ],
  });
  const vpc = new Vpc(stack, 'network', { name: 'main', cidr: '10.0.0.0/16', cloudAccount: 'ca-aws', realmProviderName: 'eu-west-1' });
  const subnet = new Subnet(vpc, 'web', { vpc, name: 'web', cidr: '10.0.1.0/24', type: 'only_public' });
  const vpn = new Vpn(vpc, 'vpn', { vpc, publicIp: '203.0.113.10', psk: secrets.psk, exposedCidrs: ['10.0.0.0/16'], vpnPlan: { id: 'vpnplan-1' } });
  const ssh = new SshProfile(stack, 'ops-keys', { name: 'ops', publicKeyFile: join(FIXTURES, 'id_ed25519.pub'), privateKey: secrets.privateKey });
  const server = new Server(stack, 'web-1', {
    name: 'web-1',
    template,
    serverPlan: 'plan-t3-medium',
    cloudAccount: 'ca-aws',
    sshProfile: ssh,
    firewallProfile: firewall,
    subnet,
    rebootTrigger: 'r1',
    scriptExecutions: [{ script, trigger: 'v1' }],
  });
  const array = new ServerArray(stack, 'workers', {
    name: 'workers',
    template,
    cloudAccount: 'ca-aws',
    serverPlan: 'plan-t3-medium',
    size: 2,
    firewallProfile: firewall,
    sshProfile: 'ssh-default',
    subnet,
    powerState: 'inactive',
  });
  const volume = new Volume(stack, 'data', { name: 'data', size: 50, cloudAccount: 'ca-aws', storagePlan: { id: 'sp-gp3', minSize: 1, maxSize: 1000 }, server });
  const fip = new FloatingIp(stack, 'web-ip', { name: 'web-ip', cloudAccount: 'ca-aws', realm: 'realm-eu', server });
  const saas = new SaasAccount(stack, 'newrelic', { provider: 'saas-newrelic', accountData: secrets.accountData });
  return { script, cookbook, template, firewall, vpc, subnet, vpn, ssh, server, array, volume, fip, saas };
}
