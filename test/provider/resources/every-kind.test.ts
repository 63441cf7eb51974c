// One of every imco_* resource type against the emulator, created from empty through the resource
// types alone (references are plain ids), read back without drift, planned again without change,
// the two actions run once, and everything deleted again, leaving no user object behind.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { TfObject } from '../../../lib/provider/resource-type';
import { type ClientHarness, type Seeds, mockSeeds, startClientHarness } from '../../client/support/emulator-client';
import { type Provider, configuredProvider, destroy, full, plan, planApply } from './support';

const FIXTURES = join(__dirname, '..', '..', 'constructs', 'fixtures');
const PSK_ENV = `IMCO_TEST_PSK_${randomBytes(4).toString('hex')}`;
const KEY_FILE_BODY = randomBytes(36).toString('base64');

let h: ClientHarness;
let p: Provider;
let seeds: Seeds;

beforeAll(async () => {
  h = await startClientHarness();
  p = await configuredProvider(h);
  seeds = await mockSeeds(h.client);
  process.env[PSK_ENV] = `psk-${randomBytes(8).toString('hex')}`;
});
afterAll(async () => {
  delete process.env[PSK_ENV];
  await h?.dispose();
});

test('one of every kind: create, read without drift, plan without change, actions, delete', async () => {
  const made: { type: string; config: TfObject; state: TfObject }[] = [];
  const create = async (type: string, values: TfObject): Promise<TfObject> => {
    const config = full(p.resource(type), values);
    const { state } = await planApply(p, p.resource(type), null, config);
    made.push({ type, config, state });
    return state;
  };

  const vpc = await create('imco_vpc', { name: 'net', cidr: '10.0.0.0/16', cloud_account_id: seeds.account, realm_provider_name: seeds.realmProviderName, owner: 'e.net' });
  await create('imco_subnet', { vpc_id: vpc.id, name: 'a', cidr: '10.0.1.0/24', type: 'only_public' });
  const vpnPlan = (await h.emu.request('GET', `/network/vpcs/${String(vpc.id)}/vpn_plans`)).json[0].id as string;
  await create('imco_vpn', { vpc_id: vpc.id, public_ip: '203.0.113.7', exposed_cidrs: ['10.0.0.0/16'], vpn_plan_id: vpnPlan, psk_env: PSK_ENV, psk_version: '1' });
  const script = await create('imco_script', { name: 'deploy', description: 'deploys', code: 'echo $APP', parameters: ['APP'], owner: 'e.deploy' });
  const attachment = await create('imco_attachment', { script_id: script.id, name: 'nginx.conf', source: join(FIXTURES, 'nginx.conf') });
  expect(attachment.source_sha256).toMatch(/^[0-9a-f]{64}$/);
  const template = await create('imco_template', {
    name: 'web', generic_image_id: seeds.genericImage, run_list: ['recipe[webapp]'], configuration_attributes: '{"webapp":{"port":80}}', owner: 'e.web',
  });
  await create('imco_template_script', { template_id: template.id, type: 'operational', script_id: script.id, parameter_values: { APP: 'shop' } });
  const cookbook = await create('imco_cookbook_version', { archive: join(FIXTURES, 'cookbooks', 'webapp'), owner: 'e.cookbook' });
  expect(cookbook.id).toMatch(/.+/);
  const fw = await create('imco_firewall_profile', { name: 'web', rules: [{ ip_protocol: 'tcp', min_port: 80, max_port: 80, source: 'any' }], owner: 'e.fw' });
  const ssh = await create('imco_ssh_profile', { name: 'keys', public_key: null, owner: 'e.ssh' });
  const server = await create('imco_server', {
    name: 'web1', template_id: template.id, server_plan_id: seeds.serverPlan, cloud_account_id: seeds.account,
    ssh_profile_id: ssh.id, firewall_profile_id: fw.id, owner: 'e.web1',
  });
  expect(server).toMatchObject({ power_state: 'operational', state: 'operational' });
  const storagePlan = (await h.emu.request('GET', `/storage/plans/${seeds.storagePlan}`)).json as { min_size: number };
  const volume = await create('imco_volume', {
    name: 'data', size: storagePlan.min_size, cloud_account_id: seeds.account, storage_plan_id: seeds.storagePlan, attached_server_id: server.id, owner: 'e.data',
  });
  expect(volume.attached_server_id).toBe(server.id);
  const ip = await create('imco_floating_ip', { name: 'ip', cloud_account_id: seeds.account, realm_id: seeds.realm, attached_server_id: server.id, owner: 'e.ip' });
  expect(ip.address).toMatch(/\d+\.\d+\.\d+\.\d+/);
  await create('imco_server_array', { name: 'pool', template_id: template.id, cloud_account_id: seeds.account, server_plan_id: seeds.serverPlan, size: 1, owner: 'e.pool' });
  const saasProvider = (await h.emu.request('GET', '/cloud/saas_providers')).json.find((s: { name: string }) => s.name === 'New Relic').id as string;
  await create('imco_saas_account', { saas_provider_id: saasProvider, account_data_wo: JSON.stringify({ license_key: KEY_FILE_BODY }), account_data_version: '1' });

  // Actions run once at create.
  const before = (await h.journal()).length;
  await create('imco_server_reboot', { server_id: server.id, triggers: { v: '1' } });
  await create('imco_script_execution', { server_id: server.id, script_id: script.id, triggers: { v: '1' } });
  const actions = (await h.journal()).slice(before).filter((e) => e.method === 'PUT').map((e) => e.path.replace(/^\/v2/, '').replace(/\/[0-9a-f]{24}/g, '/ID'));
  expect(actions).toEqual(['/cloud/servers/ID/reboot', '/cloud/servers/ID/operational_scripts/ID/execute']);

  const types = new Set(made.map((m) => m.type));
  expect(types.size).toBe(p.def.resources.length);

  // A refresh in a new process reads every object back as its state; planning the same config changes nothing.
  const fresh = await configuredProvider(h);
  for (const m of made) {
    const r = fresh.resource(m.type);
    const read = (await r.read({ current: m.state }, fresh.call)).newState;
    expect({ type: m.type, read }).toEqual({ type: m.type, read: m.state });
    const again = await plan(fresh, r, m.state, m.config);
    expect({ type: m.type, planned: again.planned, replace: again.requiresReplace, diags: again.diagnostics }).toEqual({
      type: m.type, planned: m.state, replace: [], diags: [],
    });
  }
  const everything = JSON.stringify({ states: made.map((m) => m.state), journal: await h.journal() });
  expect(everything).not.toContain(process.env[PSK_ENV]);
  expect(everything).not.toContain(KEY_FILE_BODY);

  for (const m of [...made].reverse()) await destroy(p, p.resource(m.type), m.state);
  const left = h.emu.userObjects().filter((o) => o.kind !== 'label');
  expect(left).toEqual([]);
});
