// The README's construct catalogue: the same declarations, in one stack, synthesized with lookups
// fetched from an emulator (as a first synth on a new machine does). File paths point at the
// repository's example assets instead of the README's relative ones. Every snippet must pass
// validation, and the stack must have the resources the README's plan section names.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TerraformStack, type App } from 'cdktf';
import {
  CloudAccount, CookbookVersion, FirewallProfile, FloatingIp, GenericImage, ImcoSettings, Realm, RemovedImcoObject, SaasAccount,
  SaasProvider, Script, Secret, Server, ServerArray, ServerPlan, SshProfile, StoragePlan, Subnet, Template, Volume, Vpc, Vpn, VpnPlan,
} from '../../lib';
import { startEmulatorProcess, type EmulatorProcess } from '../support/emulator-process';
import { fakeOpensshPrivateKey } from '../support/fake-keys';
import { dataResources, synthExample } from './support';

jest.setTimeout(120_000);

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'estate');
const secrets = mkdtempSync(join(tmpdir(), 'imco-catalogue-'));
writeFileSync(join(secrets, 'ops'), fakeOpensshPrivateKey().pem, { mode: 0o600 });
writeFileSync(join(secrets, 'newrelic.json'), '{"license_key":"0123456789abcdef"}', { mode: 0o600 });

let emulator: EmulatorProcess;
beforeAll(async () => {
  emulator = await startEmulatorProcess();
});
afterAll(async () => {
  await emulator?.dispose();
});

class Catalogue extends TerraformStack {
  constructor(scope: App, id: string) {
    super(scope, id);
    new ImcoSettings(this, 'imco', { flavour: 'terraform_data' });
    const account = CloudAccount.fromName(this, 'AWS-cloud_account-production');
    const region = Realm.lookup(this, { cloudProvider: 'AWS', name: 'US East (N. Virginia)' });
    const plan = ServerPlan.lookup(this, { cloudProvider: 'AWS', name: 't3.medium', location: 'North America' });

    const install = new Script(this, 'install', {
      name: 'install',
      codeFile: join(EXAMPLE, 'scripts', 'install-agent.sh'),
      parameters: ['LICENSE_KEY'],
      attachments: [join(EXAMPLE, 'scripts', 'motd.txt')],
    });
    const rotate = new Script(this, 'rotate', { name: 'rotate', codeFile: join(EXAMPLE, 'scripts', 'rotate-logs.sh') });
    const cookbook = new CookbookVersion(this, 'webapp', { source: join(EXAMPLE, 'cookbooks', 'webapp') });
    const template = new Template(this, 'web', {
      name: 'web',
      genericImage: GenericImage.fromName(this, 'Ubuntu 22.04 Jammy Jellyfish x86_64'),
      runList: ['recipe[webapp]'],
      cookbookVersions: { webapp: cookbook, nginx: '~> 12.0' },
      bootScripts: [{ script: install, parameterValues: { LICENSE_KEY: 'x' } }],
      operationalScripts: [{ script: rotate }],
    });
    const webFw = new FirewallProfile(this, 'web-fw', {
      name: 'web',
      rules: [
        { protocol: 'tcp', port: 443, source: '0.0.0.0/0' },
        { protocol: 'udp', fromPort: 5000, toPort: 5100, source: '10.0.0.0/8' },
      ],
    });
    const dbFw = new FirewallProfile(this, 'db-fw', { name: 'db', rules: [{ protocol: 'tcp', port: 5432, source: '10.50.1.0/24' }] });
    const vpc = new Vpc(this, 'vpc', { name: 'shop', cidr: '10.50.0.0/16', cloudAccount: account, realmProviderName: region.providerName });
    const publicNet = new Subnet(this, 'public', { vpc, name: 'shop-public', cidr: '10.50.1.0/24', type: 'only_public' });
    const privateNet = new Subnet(this, 'private', { vpc, name: 'shop-private', cidr: '10.50.2.0/24', type: 'only_private' });
    new Vpn(this, 'vpn', { vpc, publicIp: '203.0.113.20', psk: Secret.fromEnv('VPN_PSK'), exposedCidrs: ['10.50.0.0/16'], vpnPlan: VpnPlan.named('Site-to-Site VPN') });
    const ssh = new SshProfile(this, 'ssh', { name: 'ops', publicKeyFile: join(EXAMPLE, 'keys', 'ops.pub'), privateKey: Secret.fromFile(join(secrets, 'ops')) });
    const db = new Server(this, 'db', {
      name: 'db', template, cloudAccount: account, serverPlan: plan, sshProfile: ssh, firewallProfile: dbFw, subnet: privateNet,
      powerState: 'operational', rebootTrigger: '2026-01', scriptExecutions: [{ script: rotate, trigger: 'v1' }],
    });
    new ServerArray(this, 'web-array', { name: 'web', template, cloudAccount: account, serverPlan: plan, size: 2, firewallProfile: webFw, subnet: publicNet });
    new Volume(this, 'data', {
      name: 'db-data', size: 100, cloudAccount: account, storagePlan: StoragePlan.lookup(this, { cloudProvider: 'AWS', name: 'gp3', location: 'North America' }), server: db,
    });
    new FloatingIp(this, 'db-ip', { name: 'db-ip', cloudAccount: account, realm: region, server: db });
    new SaasAccount(this, 'newrelic', { provider: SaasProvider.fromName(this, 'New Relic'), accountData: Secret.fromFile(join(secrets, 'newrelic.json'), { format: 'json' }) });
    new RemovedImcoObject(this, 'old-web-removed', { path: 'old-web' });
  }
}

test('the README catalogue snippets synthesize together without validation errors', () => {
  const result = synthExample((app, id) => new Catalogue(app, id), {
    env: {
      IMCO_CONTEXT: undefined,
      CONCERTO_ENDPOINT: emulator.endpoint,
      CONCERTO_CA_CERT: emulator.caCert,
      CONCERTO_CLIENT_CERT: emulator.clientCert,
      CONCERTO_CLIENT_KEY: emulator.clientKey,
      VPN_PSK: 'catalogue-psk-123456',
    },
  });
  expect(result.errors).toEqual([]);
  const names = Object.keys(dataResources(result.json));
  expect(names).toEqual(expect.arrayContaining(['db_reboot', 'db_exec_rotate', 'imco_prune', 'web-fw', 'web-fw_sync', 'vpc', 'vpc_sync']));
  // 16 objects × 2, the two server actions, the prune and the sweep.
  expect(names).toHaveLength(16 * 2 + 2 + 2);
  expect(result.json.removed).toEqual([expect.objectContaining({ from: 'terraform_data.old-web', lifecycle: { destroy: true } })]);
  expect(result.text).not.toContain('catalogue-psk-123456');
  expect(result.text).not.toContain('0123456789abcdef');
});
