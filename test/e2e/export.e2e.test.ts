// End-to-end: an estate built by hand through the API (VPC with two subnets and a VPN, two firewall
// profiles, an SSH profile, two scripts, a template with boot scripts, a server with a volume, a
// server array, a SaaS account) is exported by `imco-bridge export`; the app compiles, synthesizes,
// plans imports only (`terraform show -json`: every action no-op with `importing`), applies, the
// next plan is empty and attaches the ownership labels, nothing in IMCO was created or deleted, and
// a second export finds nothing left to adopt.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { emulatorCredentials, startTestEmulator, type TestEmulator } from '../support/emulator';
import { fakePemKey } from '../support/fake-keys';
import { seedsOf } from '../support/seeds';
import { terraformOk } from '../support/terraform';
import { journalFrom, journalLength, planJson } from './support/plan-json';

jest.setTimeout(300_000);

const REPO = resolve(__dirname, '..', '..');
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator?.dispose();
});

const credentials = (): Record<string, string> => emulatorCredentials(emulator);

async function post(path: string, body: unknown): Promise<{ id: string }> {
  const r = await emulator.request('POST', path, { body });
  if (r.status >= 300) throw new Error(`POST ${path}: ${r.status} ${r.text}`);
  return r.json as { id: string };
}

async function settled(path: string, states: readonly string[]): Promise<void> {
  await emulator.waitFor(path, (r) => states.includes(String(r.json?.state)), 60_000);
}

/** The estate of issue 18, made through the API as a console user would. */
async function buildEstate(): Promise<void> {
  const s = seedsOf(emulator);
  const vpc = await post('/network/vpcs', { name: 'legacy', cidr: '10.80.0.0/16', cloud_account_id: s.cloudAccountId, realm_provider_name: s.realmProviderName });
  await settled(`/network/vpcs/${vpc.id}`, ['available']);
  const pub = await post(`/network/vpcs/${vpc.id}/subnets`, { name: 'legacy-public', cidr: '10.80.1.0/24', type: 'only_public' });
  await settled(`/network/subnets/${pub.id}`, ['available']);
  await post(`/network/vpcs/${vpc.id}/subnets`, { name: 'legacy-private', cidr: '10.80.2.0/24', type: 'only_private' });
  await post(`/network/vpcs/${vpc.id}/vpn`, { public_ip: '203.0.113.80', psk: 'hand-made-psk', exposed_cidrs: ['10.80.0.0/16'], vpn_plan_id: s.vpnPlanId });
  const web = await post('/network/firewall_profiles', {
    name: 'legacy-web',
    description: 'HTTPS in',
    rules: [{ ip_protocol: 'tcp', min_port: 443, max_port: 443, source: '0.0.0.0/0' }],
  });
  await post('/network/firewall_profiles', {
    name: 'legacy-db',
    description: 'PostgreSQL from the web subnet',
    rules: [{ ip_protocol: 'tcp', min_port: 5432, max_port: 5432, source: '10.80.1.0/24' }, { ip_protocol: 'udp', min_port: 6000, max_port: 6010, source: '10.80.0.0/16' }],
  });
  const ssh = await post('/cloud/ssh_profiles', { name: 'legacy-ops', public_key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHand ops@legacy', private_key: fakePemKey('PRIVATE KEY').pem });
  const install = await post('/blueprint/scripts', { name: 'install-agent', description: 'Installs the agent', code: '#!/bin/sh\necho "$LICENSE"\n', parameters: ['LICENSE'] });
  const motd = await post('/blueprint/scripts', { name: 'motd', description: '', code: 'echo hi > /etc/motd', parameters: [] });
  const template = await post('/blueprint/templates', {
    name: 'legacy-web',
    generic_image_id: s.genericImageId,
    run_list: ['recipe[nginx]'],
    cookbook_versions: { nginx: { version: '~> 12.0' } },
    configuration_attributes: { nginx: { port: 443 } },
  });
  await post(`/blueprint/templates/${template.id}/scripts`, { type: 'boot', script_id: install.id, parameter_values: { LICENSE: 'abc' } });
  await post(`/blueprint/templates/${template.id}/scripts`, { type: 'boot', script_id: motd.id, parameter_values: {} });
  const server = await post('/cloud/servers', {
    name: 'legacy-db', template_id: template.id, server_plan_id: s.serverPlanId, cloud_account_id: s.cloudAccountId,
    ssh_profile_id: ssh.id, firewall_profile_id: web.id, subnet_id: pub.id,
  });
  await settled(`/cloud/servers/${server.id}`, ['inactive']);
  const volume = await post('/storage/volumes', { name: 'legacy-data', size: 50, cloud_account_id: s.cloudAccountId, storage_plan_id: s.storagePlan.id });
  await settled(`/storage/volumes/${volume.id}`, ['available']);
  await post(`/storage/volumes/${volume.id}/attached_server`, { attached_server_id: server.id });
  await settled(`/storage/volumes/${volume.id}`, ['attached']);
  const ip = await post('/network/floating_ips', { name: 'legacy-db-ip', cloud_account_id: s.cloudAccountId, realm_id: s.realmId });
  await settled(`/network/floating_ips/${ip.id}`, ['available']);
  await post(`/network/floating_ips/${ip.id}/attached_server`, { attached_server_id: server.id });
  const array = await post('/cloud/server_arrays', {
    name: 'legacy-web', template_id: template.id, cloud_account_id: s.cloudAccountId, server_plan_id: s.serverPlanId, size: 2,
    firewall_profile_id: web.id, ssh_profile_id: ssh.id, subnet_id: pub.id,
  });
  await settled(`/cloud/server_arrays/${array.id}`, ['inactive']);
  await post('/settings/saas_accounts', { saas_provider_id: s.saasProviderId, account_data: { license_key: 'hand-made' } });
  await emulator.settle();
}

/** Runs a command without blocking this process (the emulator answers from it). */
function run(file: string, args: readonly string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((done) => {
    execFile(file, [...args], { cwd: opts.cwd, env: { ...process.env, ...opts.env }, maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
      done({ stdout, stderr, code: err ? Number((err as { code?: unknown }).code ?? 1) : 0 });
    });
  });
}

function exportTo(out: string): Promise<{ stdout: string; stderr: string; code: number }> {
  return run(process.execPath, [join(REPO, 'bin', 'imco-bridge.js'), 'export', '--out', out, '--stack', 'legacy', '--imco-cdktf', `file:${REPO}`], { env: credentials() });
}

/** The app's node_modules: this repo's, with imco-cdktf being this repo (offline, no npm install). */
function linkModules(app: string): void {
  const modules = join(app, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(REPO, 'node_modules'))) symlinkSync(join(REPO, 'node_modules', name), join(modules, name));
  symlinkSync(REPO, join(modules, 'imco-cdktf'));
}

/** The secrets main.ts reads, with values (what a user sets from the summary). */
function secretValues(mainTs: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of mainTs.matchAll(/Secret\.fromEnv\("([A-Z0-9_]+)"(, \{ format: "json" \})?\)/g)) {
    out[m[1]] = m[2] ? JSON.stringify({ license_key: 'hand-made' }) : m[1].endsWith('_PRIVATE_KEY') ? fakePemKey('PRIVATE KEY').pem : 'hand-made-psk';
  }
  return out;
}

test('export adopts a hand-made estate: imports only, no change, owned afterwards, nothing left to export', async () => {
  await buildEstate();
  const estateIds = () => emulator.userObjects().filter((o) => o.kind !== 'label').map((o) => `${o.kind} ${o.id}`).sort();
  const before = estateIds();
  const app = join(mkdtempSync(join(tmpdir(), 'imco-export-')), 'legacy');

  const first = await exportTo(app);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  expect(first.stdout).toContain('exported 15 object(s)');
  expect(first.stdout).toMatch(/firewall profile 'Default firewall' .*default firewall profile/);
  expect(first.stdout).toMatch(/server '.*' \(.*\): member of server array/);
  for (const f of ['package.json', 'cdktf.json', 'tsconfig.json', '.gitignore', 'README.md', 'main.ts', 'imco.context.json']) expect(existsSync(join(app, f))).toBe(true);
  const mainTs = readFileSync(join(app, 'main.ts'), 'utf8');
  expect(mainTs).toContain('const legacy = new Vpc(this, "legacy", {');
  expect(mainTs).toMatch(/new Subnet\(this, "legacy-public", \{\n {6}vpc: legacy,/);
  expect(mainTs).toContain('const legacyWebFirewallProfile = new FirewallProfile(this, "legacy-web-firewall-profile"');
  expect(mainTs).toMatch(/bootScripts: \[\{ script: installAgent, parameterValues: \{"LICENSE":"abc"\} \}, \{ script: motd \}\]/);
  expect(mainTs).toMatch(/CloudAccount\.fromName\(this, /);
  expect(mainTs).toMatch(/ServerPlan\.lookup\(this, \{ cloudProvider: "AWS"/);
  expect(mainTs).toMatch(/Realm\.lookup\(this, \{ cloudProvider: "AWS", name: /);
  expect(mainTs).not.toContain('/* ');
  const secrets = secretValues(mainTs);
  expect(Object.keys(secrets).sort()).toEqual(['IMCO_LEGACY_OPS_PRIVATE_KEY', 'IMCO_LEGACY_VPN_PSK', 'IMCO_NEW_RELIC_ACCOUNT_ACCOUNT_DATA'].sort());
  for (const name of Object.keys(secrets)) expect(first.stdout).toContain(`  ${name}  `);

  // Compile the app (type errors fail here), then synthesize it with cdktf-cli 0.21.0 (this repo's
  // dev dependency) running the compiled main.js: the app's own `npx ts-node main.ts` needs an
  // `npm install` from the registry, which test/e2e/library.e2e.test.ts covers for the same scaffold.
  linkModules(app);
  const compiled = await run(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app, '--outDir', join(app, 'build')], { cwd: app });
  expect(compiled).toMatchObject({ code: 0, stdout: '' });
  const synth = await run(join(REPO, 'node_modules', '.bin', 'cdktf'), ['synth', '--app', `node ${join(app, 'build', 'main.js')}`], {
    cwd: app,
    env: { ...credentials(), ...secrets, IMCO_CONTEXT: 'strict', CHECKPOINT_DISABLE: '1', CI: '1' },
  });
  expect({ code: synth.code, out: synth.stdout + synth.stderr }).toMatchObject({ code: 0, out: expect.stringMatching(/Generated Terraform code for the stacks: legacy/) });
  const stackDir = join(app, 'cdktf.out', 'stacks', 'legacy');
  const env = { ...credentials(), ...secrets };

  const mark = journalLength(emulator.journalPath);
  await terraformOk(stackDir, ['init', '-input=false', '-no-color'], { env });
  const plan = await planJson(stackDir, [], { env });
  const changes = plan.json.resource_changes ?? [];
  expect(changes).toHaveLength(17); // 15 objects and the template's 2 scripts
  for (const rc of changes) {
    const before = (rc.change.before ?? {}) as Record<string, unknown>;
    const after = (rc.change.after ?? {}) as Record<string, unknown>;
    const changed = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((k) => `${k}: ${JSON.stringify(before[k])} -> ${JSON.stringify(after[k])}`);
    expect({ address: rc.address, actions: rc.change.actions, changed }).toEqual({ address: rc.address, actions: ['no-op'], changed: [] });
    expect(rc.change.importing).toBeDefined();
  }
  expect(plan.stdout).toContain('0 to add, 0 to change, 0 to destroy');
  // Planning an import attaches nothing: ownership comes with the applied state only.
  expect(journalFrom(emulator.journalPath, mark).filter((e) => e.method !== 'GET')).toEqual([]);

  await terraformOk(stackDir, ['apply', '-auto-approve', '-input=false', '-no-color', plan.planFile], { env });
  const again = await terraformOk(stackDir, ['plan', '-detailed-exitcode', '-no-color', '-input=false'], { env }, [0]);
  expect(again.stdout).toContain('No changes.');
  // No secret value in the synthesized JSON, the plan or the state.
  const cdkTf = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')) as { terraform: { backend: { local: { path: string } } } };
  const statePath = resolve(stackDir, cdkTf.terraform.backend.local.path);
  const written = [join(stackDir, 'cdk.tf.json'), statePath, join(app, 'imco.context.json'), join(app, 'main.ts')].map((f) => readFileSync(f, 'utf8')).join('\n');
  for (const value of Object.values(secrets)) expect(written).not.toContain(value.length > 40 ? value.slice(40, 80) : value);

  // IMCO: nothing created, replaced or deleted; only the ownership labels were made and attached.
  const writes = journalFrom(emulator.journalPath, mark).filter((e) => e.method !== 'GET');
  expect(writes.filter((e) => e.method === 'DELETE')).toEqual([]);
  expect(writes.filter((e) => e.method === 'POST' && !e.path.startsWith('/v2/labels'))).toEqual([]);
  expect(writes.filter((e) => e.method === 'PUT')).toEqual([]);
  expect(estateIds()).toEqual(before);

  const second = await exportTo(join(app, '..', 'again'));
  expect(second.code).toBe(0);
  // Every labelable object is owned now; a SaaS account cannot carry a label in IMCO, so it is offered again.
  expect(second.stdout.match(/owned by stack 'legacy'/g)).toHaveLength(11);
  expect(second.stdout).toContain('exported 1 object(s):\n  saas account: 1\n  (SaaS accounts carry no labels in IMCO');
}, 300_000);
