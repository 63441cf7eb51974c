// Every endpoint of the API reference §3 (the catalog's ENDPOINTS) is served: with real ids in the
// path, no call answers 404 or 405, and collection paths answer the same with a trailing slash.
import { ENDPOINTS, fillPath, type EndpointSpec } from '../../lib/catalog';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { buildFixture, create, type Fixture } from './support/fixtures';

let emu: TestEmulator;
let fx: Fixture;

beforeAll(async () => {
  emu = await startTestEmulator();
  fx = await buildFixture(emu);
});
afterAll(() => emu.dispose());

/** Path parameters for an endpoint, from the fixture. */
function params(e: EndpointSpec): Record<string, string> {
  const byKind: Record<string, string> = {
    template: fx.template.id,
    template_script: fx.templateScript.id,
    cookbook_version: fx.cookbookVersion.id,
    script: fx.script.id,
    attachment: fx.attachment.id,
    firewall_profile: fx.firewallProfile.id,
    vpc: fx.vpc.id,
    subnet: fx.subnet.id,
    floating_ip: fx.floatingIp.id,
    volume: fx.volume.id,
    storage_plan: fx.seeds.storagePlan,
    ssh_profile: fx.sshProfile.id,
    server: fx.server.id,
    server_array: fx.serverArray.id,
    server_plan: fx.seeds.serverPlan,
    realm: fx.seeds.realm,
    cloud_account: fx.seeds.account,
    saas_account: fx.saasAccount.id,
    label: fx.label.id,
  };
  return {
    id: byKind[e.kind] ?? '',
    template_id: fx.template.id,
    script_id: e.kind === 'server' ? fx.templateScript.id : fx.script.id,
    vpc_id: fx.vpc.id,
    cloud_provider_id: fx.seeds.provider,
    label_id: fx.label.id,
    resource_type: 'script',
    resource_id: fx.script.id,
  };
}

function bodyFor(e: EndpointSpec): unknown {
  if (e.op === 'label.assign') return { resources: [{ id: fx.script.id, resource_type: 'script' }] };
  return e.body ? {} : undefined;
}

const isDelete = (e: EndpointSpec) => e.method === 'DELETE' && !e.op.endsWith('.discard');
const isDiscard = (e: EndpointSpec) => e.op.endsWith('.discard');

/** A fresh object for a discard endpoint (the fixture's own ones are deleted by then). */
async function freshFor(e: EndpointSpec): Promise<string> {
  const { seeds } = fx;
  const bodies: Record<string, [string, unknown]> = {
    vpc: ['/network/vpcs', { name: 'spare', cidr: '172.16.0.0/16', cloud_account_id: seeds.account, realm_provider_name: seeds.realmProviderName }],
    floating_ip: ['/network/floating_ips', { name: 'spare', cloud_account_id: seeds.account, realm_id: seeds.realm }],
    volume: ['/storage/volumes', { name: 'spare', size: 1, cloud_account_id: seeds.account, storage_plan_id: seeds.storagePlan }],
  };
  const [path, body] = bodies[e.kind];
  return (await create(emu, path, body)).id;
}

it('lists endpoints for every group of the reference', () => {
  const prefixes = new Set(ENDPOINTS.map((e) => e.path.split('/')[1]));
  expect([...prefixes].sort()).toEqual(['audit', 'blueprint', 'cloud', 'labels', 'network', 'ping', 'settings', 'storage', 'wizard']);
});

it('serves every endpoint (non-deleting calls first, then the deletes)', async () => {
  const event = (await emu.request('GET', '/audit/events')).json[0];
  const unserved: string[] = [];
  // Deletes in reverse table order: dependants (attachments, template scripts, subnets) go first.
  const ordered = [...ENDPOINTS.filter((x) => !isDelete(x) && !isDiscard(x)), ...ENDPOINTS.filter(isDelete).reverse(), ...ENDPOINTS.filter(isDiscard)];
  expect(ordered).toHaveLength(ENDPOINTS.length);
  for (const e of ordered) {
    const values = params(e);
    if (e.kind === 'event') values.id = event.id;
    if (isDiscard(e)) values.id = await freshFor(e);
    const path = fillPath(e.path, Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')));
    const res = await emu.request(e.method, path, { body: bodyFor(e) });
    if (res.status === 404 || res.status === 405) unserved.push(`${e.op} ${e.method} ${path} → ${res.status} ${res.text}`);
    expect(res.headers['content-type'] === undefined || String(res.headers['content-type']).startsWith('application/json')).toBe(true);
  }
  expect(unserved).toEqual([]);
});

it('answers collection paths with and without a trailing slash alike', async () => {
  const lists = ENDPOINTS.filter((e) => e.method === 'GET' && !e.path.endsWith('}') && !['ping.get', 'vpn.show'].includes(e.op));
  for (const e of lists) {
    const path = fillPath(e.path, params(e));
    const plain = await emu.request('GET', path);
    const slashed = await emu.request('GET', `${path}/`);
    expect({ op: e.op, status: slashed.status }).toEqual({ op: e.op, status: plain.status });
    expect({ op: e.op, isArray: Array.isArray(plain.json) }).toEqual({ op: e.op, isArray: true });
  }
});
