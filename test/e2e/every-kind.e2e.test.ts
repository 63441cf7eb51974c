// End-to-end: a stack with one of every IMCO kind applies from empty through the real terraform
// binary and imco-bridge; no-op plans and applies change nothing; power state and array size
// converge in place; secrets never reach state or output; destroy leaves only seeded objects.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TerraformStack } from 'cdktf';
import {
  CookbookVersion, FirewallProfile, FloatingIp, SaasAccount, Script, Secret, Server, ServerArray, SshProfile, Subnet,
  Template, Volume, Vpc, Vpn,
} from '../../lib/constructs';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { fakeOpensshPrivateKey } from '../support/fake-keys';
import { seedsOf } from '../support/seeds';
import { apply, synthStack } from '../support/stack';
import { terraformOk } from '../support/terraform';

jest.setTimeout(300_000);

const PSK = `psk-${Math.random().toString(36).slice(2)}-secret`;
const SAAS = JSON.stringify({ license_key: `lic-${Math.random().toString(36).slice(2)}` });
const PRIVATE_KEY = fakeOpensshPrivateKey().pem;

let emulator: TestEmulator;
let work: string;
beforeAll(async () => {
  emulator = await startTestEmulator();
  work = mkdtempSync(join(tmpdir(), 'imco-every-'));
  mkdirSync(join(work, 'cookbook', 'recipes'), { recursive: true });
  writeFileSync(join(work, 'cookbook', 'metadata.rb'), "name 'webapp'\nversion '1.0.0'\ndescription 'web app'\n");
  writeFileSync(join(work, 'cookbook', 'recipes', 'default.rb'), "package 'nginx'\n");
  writeFileSync(join(work, 'id_rsa'), PRIVATE_KEY, { mode: 0o600 });
  writeFileSync(join(work, 'motd.txt'), 'welcome\n');
  process.env.E2E_VPN_PSK = PSK;
  process.env.E2E_SAAS_DATA = SAAS;
});
afterAll(async () => {
  await emulator?.dispose();
  delete process.env.E2E_VPN_PSK;
  delete process.env.E2E_SAAS_DATA;
});

function journalWrites(fromLine: number): string[] {
  return readFileSync(emulator.journalPath, 'utf8')
    .split('\n')
    .slice(fromLine)
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { method: string; path: string })
    .filter((e) => e.method !== 'GET')
    .map((e) => `${e.method} ${e.path}`);
}

function journalLength(): number {
  return readFileSync(emulator.journalPath, 'utf8').split('\n').filter(Boolean).length;
}

function everything(opts: { power: 'operational' | 'inactive'; arraySize: number }) {
  const seeds = seedsOf(emulator);
  return (stack: TerraformStack) => {
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
    new Vpn(stack, 'vpn', { vpc, publicIp: '203.0.113.10', psk: Secret.fromEnv('E2E_VPN_PSK'), exposedCidrs: ['10.20.0.0/16'], vpnPlan: seeds.vpnPlanId });
    const ssh = new SshProfile(stack, 'ssh', { name: 'ops', publicKey: 'ssh-ed25519 AAAAC3Nza ops@example', privateKey: Secret.fromFile(join(work, 'id_rsa')) });
    const server = new Server(stack, 'db', {
      name: 'db', template, serverPlan: seeds.serverPlanId, cloudAccount: seeds.cloudAccountId, sshProfile: ssh, firewallProfile: fw, subnet, powerState: opts.power,
    });
    new Volume(stack, 'data', { name: 'data', size: 20, cloudAccount: seeds.cloudAccountId, storagePlan: seeds.storagePlan, server });
    new FloatingIp(stack, 'ip', { name: 'db-ip', cloudAccount: seeds.cloudAccountId, realm: seeds.realmId, server });
    new ServerArray(stack, 'web', {
      name: 'web', template, cloudAccount: seeds.cloudAccountId, serverPlan: seeds.serverPlanId, size: opts.arraySize, firewallProfile: fw, sshProfile: ssh, subnet,
    });
    new SaasAccount(stack, 'newrelic', { provider: seeds.saasProviderId, accountData: Secret.fromEnv('E2E_SAAS_DATA', { format: 'json' }) });
  };
}

function assertNoSecrets(texts: string[]): void {
  for (const t of texts) {
    expect(t).not.toContain(PSK);
    expect(t).not.toContain(JSON.parse(SAAS).license_key);
    expect(t).not.toContain(PRIVATE_KEY.split('\n')[1]);
  }
}

test('one of every kind: apply, no-op, converge in place, destroy', async () => {
  const stack = synthStack(emulator, everything({ power: 'operational', arraySize: 2 }));
  const first = await apply(stack);
  expect(first.stdout).toContain('Apply complete!');
  const s = emulator.snapshot();
  const mine = (kind: string) => emulator.userObjects().filter((o) => o.kind === kind);
  for (const kind of ['template', 'script', 'cookbook_version', 'firewall_profile', 'vpc', 'subnet', 'vpn', 'ssh_profile', 'server_array', 'volume', 'floating_ip', 'saas_account']) {
    expect({ kind, n: mine(kind).length }).toEqual({ kind, n: kind === 'script' ? 2 : 1 });
  }
  const db = s.server.find((x) => x.name === 'db')!;
  expect(db.state).toBe('operational');
  const web = s.server_array.find((x) => x.name === 'web')!;
  expect(web.size).toBe(2);
  expect(web.state).toBe('operational');
  expect(s.volume.find((v) => v.name === 'data')!.attached_server_id).toBe(db.id);
  expect(s.floating_ip.find((v) => v.name === 'db-ip')!.attached_server_id).toBe(db.id);
  expect(s.template.find((t) => t.name === 'web')!.state).toBe('ready');
  expect(s.cookbook_version.find((c) => !emulator.isSeeded('cookbook_version', String(c.id)))!.state).toBe('ready');

  // A second plan is empty; a no-op apply makes no write request.
  await terraformOk(stack.stackDir, ['plan', '-detailed-exitcode', '-no-color']);
  const mark = journalLength();
  const noop = await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  expect(noop.stdout).toContain('0 added, 0 changed, 0 destroyed');
  expect(journalWrites(mark)).toEqual([]);

  // Declared inactive: shut down in place; array 2 → 3 through enlarge.
  synthStack(emulator, everything({ power: 'inactive', arraySize: 3 }), { outdir: stack.outdir });
  const mark2 = journalLength();
  const second = await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  const s2 = emulator.snapshot();
  expect(s2.server.find((x) => x.id === db.id)!.state).toBe('inactive');
  expect(s2.server_array.find((x) => x.id === web.id)!.size).toBe(3);
  const writes = journalWrites(mark2);
  expect(writes).toContain(`PUT /v2/cloud/servers/${db.id}/shutdown`);
  expect(writes).toContain(`POST /v2/cloud/server_arrays/${web.id}/servers`);
  expect(writes.filter((w) => w.startsWith('POST /v2/cloud/servers'))).toEqual([]);

  const state = readdirSync(stack.stackDir).filter((f) => f.includes('tfstate')).map((f) => readFileSync(join(stack.stackDir, f), 'utf8'));
  const synthesized = readFileSync(join(stack.stackDir, 'cdk.tf.json'), 'utf8');
  assertNoSecrets([...state, synthesized, first.stdout, first.stderr, second.stdout, second.stderr, readFileSync(emulator.journalPath, 'utf8')]);

  const destroyed = await terraformOk(stack.stackDir, ['destroy', '-auto-approve', '-no-color']);
  assertNoSecrets([destroyed.stdout, destroyed.stderr]);
  expect(emulator.userObjects()).toEqual([]);
});
