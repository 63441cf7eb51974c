// The "one of every kind" estate of the end-to-end tests, shared by the provisioner and provider
// flavours: its local files (cookbook, SSH key, attachment), its secrets (random per run, given by
// environment variable or file) and a check that none of them leaked into a text.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TerraformStack } from 'cdktf';
import {
  CookbookVersion, FirewallProfile, FloatingIp, SaasAccount, Script, Secret, Server, ServerArray, SshProfile, Subnet,
  Template, Volume, Vpc, Vpn,
} from '../../../lib/constructs';
import type { RunningEmulator } from '../../../lib/emulator';
import { fakeOpensshPrivateKey } from '../../support/fake-keys';
import { seedsOf } from '../../support/seeds';

export interface EstateShape {
  readonly power: 'operational' | 'inactive';
  readonly arraySize: number;
}

export interface EveryKindEstate {
  /** The stack builder for one shape of the estate. */
  build(shape: EstateShape): (stack: TerraformStack) => void;
  /** Fails when any secret value of the estate appears in one of `texts`. */
  assertNoSecrets(texts: readonly string[]): void;
  /** Removes the environment variables the estate set. */
  dispose(): void;
}

/** Kinds the estate declares, with how many objects of each it makes. */
export const ESTATE_COUNTS: Readonly<Record<string, number>> = {
  template: 1, script: 2, cookbook_version: 1, firewall_profile: 1, vpc: 1, subnet: 1, vpn: 1, ssh_profile: 1,
  server_array: 1, volume: 1, floating_ip: 1, saas_account: 1,
};

/** Lays out the estate's files and secrets (environment variables named with `envPrefix`). */
export function everyKindEstate(emulator: RunningEmulator, envPrefix = 'E2E'): EveryKindEstate {
  const psk = `psk-${Math.random().toString(36).slice(2)}-secret`;
  const saas = JSON.stringify({ license_key: `lic-${Math.random().toString(36).slice(2)}` });
  const privateKey = fakeOpensshPrivateKey().pem;
  const work = mkdtempSync(join(tmpdir(), 'imco-every-'));
  mkdirSync(join(work, 'cookbook', 'recipes'), { recursive: true });
  writeFileSync(join(work, 'cookbook', 'metadata.rb'), "name 'webapp'\nversion '1.0.0'\ndescription 'web app'\n");
  writeFileSync(join(work, 'cookbook', 'recipes', 'default.rb'), "package 'nginx'\n");
  writeFileSync(join(work, 'id_rsa'), privateKey, { mode: 0o600 });
  writeFileSync(join(work, 'motd.txt'), 'welcome\n');
  const pskEnv = `${envPrefix}_VPN_PSK`;
  const saasEnv = `${envPrefix}_SAAS_DATA`;
  process.env[pskEnv] = psk;
  process.env[saasEnv] = saas;
  const seeds = seedsOf(emulator);

  const build = (shape: EstateShape) => (stack: TerraformStack) => {
    const boot = new Script(stack, 'boot-script', { name: 'install', code: 'apt-get install -y nginx # ${HOME}', parameters: ['PORT'], attachments: [join(work, 'motd.txt')] });
    const ops = new Script(stack, 'ops-script', { name: 'restart', code: 'systemctl restart nginx' });
    const cookbook = new CookbookVersion(stack, 'cookbook', { source: join(work, 'cookbook') });
    const template = new Template(stack, 'template', {
      name: 'web',
      genericImage: seeds.genericImageId,
      runList: ['recipe[webapp]'],
      cookbookVersions: { webapp: cookbook, nginx: '~> 12.0' },
      configurationAttributes: { webapp: { port: 8080 } },
      bootScripts: [{ script: boot, parameterValues: { PORT: '8080' } }],
      operationalScripts: [{ script: ops }],
    });
    const fw = new FirewallProfile(stack, 'fw', { name: 'web-fw', rules: [{ protocol: 'tcp', port: 443, source: '0.0.0.0/0' }] });
    const vpc = new Vpc(stack, 'vpc', { name: 'main', cidr: '10.20.0.0/16', cloudAccount: seeds.cloudAccountId, realmProviderName: seeds.realmProviderName });
    const subnet = new Subnet(stack, 'subnet', { vpc, name: 'web', cidr: '10.20.1.0/24', type: 'public_and_private' });
    new Vpn(stack, 'vpn', { vpc, publicIp: '203.0.113.10', psk: Secret.fromEnv(pskEnv), exposedCidrs: ['10.20.0.0/16'], vpnPlan: seeds.vpnPlanId });
    const ssh = new SshProfile(stack, 'ssh', { name: 'ops', publicKey: 'ssh-ed25519 AAAAC3Nza ops@example', privateKey: Secret.fromFile(join(work, 'id_rsa')) });
    const server = new Server(stack, 'db', {
      name: 'db', template, serverPlan: seeds.serverPlanId, cloudAccount: seeds.cloudAccountId, sshProfile: ssh, firewallProfile: fw, subnet, powerState: shape.power,
    });
    new Volume(stack, 'data', { name: 'data', size: 20, cloudAccount: seeds.cloudAccountId, storagePlan: seeds.storagePlan, server });
    new FloatingIp(stack, 'ip', { name: 'db-ip', cloudAccount: seeds.cloudAccountId, realm: seeds.realmId, server });
    new ServerArray(stack, 'web', {
      name: 'web', template, cloudAccount: seeds.cloudAccountId, serverPlan: seeds.serverPlanId, size: shape.arraySize, firewallProfile: fw, sshProfile: ssh, subnet,
    });
    new SaasAccount(stack, 'newrelic', { provider: seeds.saasProviderId, accountData: Secret.fromEnv(saasEnv, { format: 'json' }) });
  };

  return {
    build,
    assertNoSecrets(texts) {
      const licence = (JSON.parse(saas) as { license_key: string }).license_key;
      const keyLine = privateKey.split('\n')[1];
      for (const t of texts) {
        expect(t).not.toContain(psk);
        expect(t).not.toContain(licence);
        expect(t).not.toContain(keyLine);
      }
    },
    dispose() {
      delete process.env[pskEnv];
      delete process.env[saasEnv];
    },
  };
}
