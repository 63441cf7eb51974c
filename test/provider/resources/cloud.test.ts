// Servers, arrays, templates and SSH profiles against the emulator: power state and array size
// changed in place with exactly the actions needed, secrets sent from references or write-only
// values and never in plan or state, a wait that runs out of its `timeouts` with the audit events.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { TfObject } from '../../../lib/provider/resource-type';
import { type ClientHarness, type Seeds, mockSeeds, startClientHarness } from '../../client/support/emulator-client';
import { type Provider, configuredProvider, full, plan, planApply } from './support';
import { fakeOpensshPrivateKey } from '../../support/fake-keys';

let h: ClientHarness;
let p: Provider;
let seeds: Seeds;
let template: TfObject;
let fw: TfObject;
let ssh: TfObject;
const KEY_ENV = `IMCO_TEST_SSH_KEY_${randomBytes(4).toString('hex')}`;
const SECRET = fakeOpensshPrivateKey().pem;

beforeAll(async () => {
  h = await startClientHarness();
  p = await configuredProvider(h);
  seeds = await mockSeeds(h.client);
  process.env[KEY_ENV] = SECRET;
  template = (await planApply(p, p.resource('imco_template'), null, full(p.resource('imco_template'), {
    name: 'base', generic_image_id: seeds.genericImage, configuration_attributes: '{"app":{"port":8080}}', owner: 'test.base',
  }))).state;
  fw = (await planApply(p, p.resource('imco_firewall_profile'), null, full(p.resource('imco_firewall_profile'), { name: 'srv', owner: 'test.srv' }))).state;
  ssh = (await planApply(p, p.resource('imco_ssh_profile'), null, full(p.resource('imco_ssh_profile'), {
    name: 'keys', private_key_env: KEY_ENV, private_key_version: '1', owner: 'test.keys',
  }))).state;
});
afterAll(async () => {
  delete process.env[KEY_ENV];
  await h?.dispose();
});

test('the template compiles on create and its JSON reads back without diff', async () => {
  expect(template.state).toBe('ready');
  const t = p.resource('imco_template');
  const read = (await t.read({ current: template }, p.call)).newState!;
  expect(read.configuration_attributes).toBe('{"app":{"port":8080}}');
  const config = full(t, { name: 'base', generic_image_id: seeds.genericImage, configuration_attributes: '{ "app": { "port": 8080 } }', owner: 'test.base' });
  expect((await plan(p, t, read, config)).planned).toEqual(read);
});

test('SSH private key: from an env var at apply, never in state; a version change sends it again in place', async () => {
  expect(JSON.stringify(ssh)).not.toContain(SECRET.split('\n')[1]);
  expect(ssh).toMatchObject({ private_key_env: KEY_ENV, private_key_version: '1', private_key_wo: null });
  const r = p.resource('imco_ssh_profile');
  const read = (await r.read({ current: ssh }, p.call)).newState!;
  expect(read).toEqual(ssh);
  const before = (await h.journal()).length;
  const rotated = full(r, { name: 'keys', private_key_env: KEY_ENV, private_key_version: '2', owner: 'test.keys' });
  const { plan: pl, state } = await planApply(p, r, read, rotated);
  expect(pl.requiresReplace).toEqual([]);
  expect(state.private_key_version).toBe('2');
  const writes = (await h.journal()).slice(before).filter((e) => e.method !== 'GET');
  expect(writes.map((e) => e.method)).toEqual(['PUT']);
  const journal = JSON.stringify(await h.journal());
  expect(journal).not.toContain(SECRET.split('\n')[1]);
  // A rename alone sends no secret: nothing changed for it.
  const renamedConfig = full(r, { name: 'keys2', private_key_env: KEY_ENV, private_key_version: '2', owner: 'test.keys' });
  delete process.env[KEY_ENV];
  try {
    const { state: renamed } = await planApply(p, r, state, renamedConfig);
    expect(renamed.name).toBe('keys2');
  } finally {
    process.env[KEY_ENV] = SECRET;
  }
});

test('a write-only key reaches IMCO from config only and is never planned or stored', async () => {
  const r = p.resource('imco_ssh_profile');
  const config = full(r, { name: 'wo-keys', private_key_wo: SECRET, private_key_version: 'a', owner: 'test.wo-keys' });
  const { plan: pl, state } = await planApply(p, r, null, config);
  expect(JSON.stringify(pl.planned)).not.toContain(SECRET.split('\n')[1]);
  expect(JSON.stringify(state)).not.toContain(SECRET.split('\n')[1]);
  expect(state.private_key_wo).toBeNull();
  // IMCO got it: the emulator keeps secrets only in its own state file, never in answers.
  await h.emu.flush();
  const saved = JSON.parse(readFileSync(h.emu.statePath, 'utf8')) as { objects: { ssh_profile: Record<string, unknown>[] } };
  const stored = saved.objects.ssh_profile.find((o) => o.id === state.id)!;
  expect((stored.$secrets as Record<string, string>).private_key).toBe(SECRET);
});

test('server: created inactive, booted in place (one boot), array grows 2 → 3 in place with one enlarge', async () => {
  const s = p.resource('imco_server');
  const serverConfig = (power: string) => full(s, {
    name: 'web1', template_id: template.id, server_plan_id: seeds.serverPlan, cloud_account_id: seeds.account,
    ssh_profile_id: ssh.id, firewall_profile_id: fw.id, power_state: power, owner: 'test.web1',
  });
  const { state: server } = await planApply(p, s, null, serverConfig('inactive'));
  expect(server).toMatchObject({ power_state: 'inactive', state: 'inactive' });
  let before = (await h.journal()).length;
  const { plan: bootPlan, state: booted } = await planApply(p, s, server, serverConfig('operational'));
  expect(bootPlan.requiresReplace).toEqual([]);
  expect(booted).toMatchObject({ id: server.id, power_state: 'operational', state: 'operational' });
  let writes = (await h.journal()).slice(before).filter((e) => e.method !== 'GET');
  expect(writes.map((e) => `${e.method} ${e.path.replace(/^\/v2/, '')}`)).toEqual([`PUT /cloud/servers/${String(server.id)}/boot`]);

  const a = p.resource('imco_server_array');
  const arrayConfig = (size: number) => full(a, {
    name: 'pool', template_id: template.id, cloud_account_id: seeds.account, server_plan_id: seeds.serverPlan,
    size, power_state: 'inactive', owner: 'test.pool',
  });
  const { state: array } = await planApply(p, a, null, arrayConfig(2));
  expect(array).toMatchObject({ size: 2, power_state: 'inactive' });
  before = (await h.journal()).length;
  const { plan: growPlan, state: grown } = await planApply(p, a, array, arrayConfig(3));
  expect(growPlan.requiresReplace).toEqual([]);
  expect(grown).toMatchObject({ id: array.id, size: 3 });
  writes = (await h.journal()).slice(before).filter((e) => e.method !== 'GET');
  expect(writes.map((e) => `${e.method} ${e.path.replace(/^\/v2/, '')}`)).toEqual([`POST /cloud/server_arrays/${String(array.id)}/servers`]);
  const shrink = await plan(p, a, grown, arrayConfig(1));
  expect(shrink.diagnostics![0]).toMatchObject({ severity: 'error', attribute: [{ attr: 'size' }] });
});

test('a wait that outlives its timeouts block fails with one line and the object\'s audit events', async () => {
  const v = p.resource('imco_vpc');
  const config = full(v, {
    name: 'slow', cidr: '10.50.0.0/16', cloud_account_id: seeds.account, realm_provider_name: seeds.realmProviderName,
    owner: 'test.slow', timeouts: { create: '1s', update: null, delete: null },
  });
  const res = await h.emu.frozen(async () => {
    const planned = await plan(p, v, null, config);
    return v.apply({ prior: null, planned: planned.planned, config }, p.call);
  });
  expect(res.newState).toBeNull();
  expect(res.diagnostics).toHaveLength(1);
  expect(res.diagnostics![0].summary).toMatch(/still 'provisioning' after .* waiting for state available; latest events: .*VPC provisioning/);
  expect(res.diagnostics![0].summary).not.toContain('\n');
  expect(res.diagnostics![0].detail).toMatch(/timeouts \{ create = /);
  expect(p.logs.some((l) => /waiting for VPC to become ready/.test(l))).toBe(true);
});
