// The stack two pipelines apply at the same time in the concurrency suites (provisioner and provider
// flavour): firewall profiles, a VPC with two subnets and a VPN, an SSH profile, a script and a
// SaaS account, with its state in Terraform's `pg` backend. Revision 2 adds a rule to one profile
// and a new profile.
import { join } from 'node:path';
import { App, PgBackend, TerraformStack } from 'cdktf';
import {
  FirewallProfile, ImcoSettings, SaasAccount, Script, Secret, SshProfile, Subnet, Vpc, Vpn, type ImcoFlavour,
} from '../../../lib/constructs';
import type { RunningEmulator } from '../../../lib/emulator';
import { seedsOf, type ProviderSeeds } from '../../support/seeds';
import { declaredObjects, type Declared } from './estate';
import { bridgeCommand, runSecrets, withEnv } from './run';

const EXAMPLE = join(__dirname, '..', '..', '..', 'examples', 'estate');

export type Revision = 1 | 2;

/** The shared stack's objects; `revision` 2 adds a rule to one profile and a new profile. */
export function buildSharedStack(stack: TerraformStack, seeds: ProviderSeeds, revision: Revision): void {
  for (let i = 0; i < 4; i++) {
    const rules = [{ protocol: 'tcp' as const, port: 443, source: '0.0.0.0/0' }];
    if (revision === 2 && i === 0) rules.push({ protocol: 'tcp', port: 8443, source: '10.0.0.0/8' });
    new FirewallProfile(stack, `fw-${i}`, { name: `shared-fw-${i}`, rules });
  }
  if (revision === 2) new FirewallProfile(stack, 'fw-new', { name: 'shared-fw-new' });
  const vpc = new Vpc(stack, 'vpc', { name: 'shared', cidr: '10.60.0.0/16', cloudAccount: seeds.cloudAccountId, realmProviderName: seeds.realmProviderName });
  new Subnet(stack, 'a', { vpc, name: 'shared-a', cidr: '10.60.1.0/24', type: 'only_public' });
  new Subnet(stack, 'b', { vpc, name: 'shared-b', cidr: '10.60.2.0/24', type: 'only_private' });
  new Vpn(stack, 'vpn', { vpc, publicIp: '203.0.113.30', psk: Secret.fromEnv('IMCO_EXAMPLE_VPN_PSK'), exposedCidrs: ['10.60.0.0/16'], vpnPlan: seeds.vpnPlanId });
  new SshProfile(stack, 'ssh', {
    name: 'shared-ops',
    publicKeyFile: join(EXAMPLE, 'keys', 'ops.pub'),
    privateKey: Secret.fromFile(runSecrets().sshKeyFile),
  });
  new Script(stack, 'hello', { name: 'shared-hello', code: 'echo hello' });
  new SaasAccount(stack, 'monitoring', { provider: seeds.saasProviderId, accountData: Secret.fromEnv('IMCO_EXAMPLE_NEWRELIC', { format: 'json' }) });
}

export interface SharedStackOptions {
  readonly emulator: RunningEmulator;
  /** The pg backend's connection string. */
  readonly connStr: string;
  readonly flavour: ImcoFlavour;
  /** The environment synth runs in (credentials, secrets by reference). */
  readonly env: Readonly<Record<string, string>>;
}

/** Synthesizes stack `stackName` into a pipeline's own checkout (`outdir`); returns what it declares. */
export function synthSharedStack(outdir: string, stackName: string, revision: Revision, opts: SharedStackOptions): Declared[] {
  return withEnv({ ...opts.env }, () => {
    const app = new App({ outdir });
    const stack = new TerraformStack(app, stackName);
    new PgBackend(stack, { connStr: opts.connStr });
    new ImcoSettings(stack, 'imco', opts.flavour === 'provider' ? { flavour: 'provider' } : { flavour: opts.flavour, bridgeCommand: bridgeCommand() });
    buildSharedStack(stack, seedsOf(opts.emulator), revision);
    app.synth();
    return declaredObjects(stack);
  });
}
