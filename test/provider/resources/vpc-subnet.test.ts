// imco_vpc and imco_subnet against the emulator: create both (the subnet under its VPC id), a CIDR
// change plans replacement of each, a rename is in place, import of a subnet by `<vpc_id>/<id>`,
// and a refresh of many objects that shares one list per kind and parent (journal count).
import type { TfObject } from '../../../lib/provider/resource-type';
import { type ClientHarness, type Seeds, mockSeeds, startClientHarness } from '../../client/support/emulator-client';
import { type Provider, configuredProvider, destroy, full, plan, planApply } from './support';

let h: ClientHarness;
let p: Provider;
let seeds: Seeds;

beforeAll(async () => {
  h = await startClientHarness();
  p = await configuredProvider(h);
  seeds = await mockSeeds(h.client);
});
afterAll(async () => h?.dispose());

const vpcConfig = (name: string, cidr: string): TfObject =>
  full(p.resource('imco_vpc'), { name, cidr, cloud_account_id: seeds.account, realm_provider_name: seeds.realmProviderName, owner: `test.${name}` });
const subnetConfig = (vpcId: string, name: string, cidr: string): TfObject =>
  full(p.resource('imco_subnet'), { vpc_id: vpcId, name, cidr, type: 'only_private' });

test('VPC and subnet: create, CIDR change plans replacement, rename in place, delete', async () => {
  const vpcs = p.resource('imco_vpc');
  const subnets = p.resource('imco_subnet');
  const { state: vpc } = await planApply(p, vpcs, null, vpcConfig('net', '10.0.0.0/16'));
  expect(vpc.state).toBe('available');
  const { state: subnet } = await planApply(p, subnets, null, subnetConfig(String(vpc.id), 'a', '10.0.1.0/24'));
  expect(subnet).toMatchObject({ vpc_id: vpc.id, cidr: '10.0.1.0/24', state: 'available' });
  expect((await h.emu.request('GET', `/network/subnets/${String(subnet.id)}`)).json.vpc_id).toBe(vpc.id);

  expect((await plan(p, vpcs, vpc, vpcConfig('net', '10.9.0.0/16'))).requiresReplace).toEqual([[{ attr: 'cidr' }]]);
  expect((await plan(p, subnets, subnet, subnetConfig(String(vpc.id), 'a', '10.0.2.0/24'))).requiresReplace).toEqual([[{ attr: 'cidr' }]]);
  // A replaced VPC gives its subnets a new (unknown) vpc_id: they are replaced too.
  const unknownVpc = await plan(p, vpcs, null, vpcConfig('net2', '10.9.0.0/16'));
  const withUnknownParent = subnetConfig(String(vpc.id), 'a', '10.0.1.0/24');
  withUnknownParent.vpc_id = unknownVpc.planned!.id;
  expect((await plan(p, subnets, subnet, withUnknownParent)).requiresReplace).toEqual([[{ attr: 'vpc_id' }]]);

  const before = (await h.journal()).length;
  const { plan: renamePlan, state: renamed } = await planApply(p, subnets, subnet, subnetConfig(String(vpc.id), 'b', '10.0.1.0/24'));
  expect(renamePlan.requiresReplace).toEqual([]);
  expect(renamed.id).toBe(subnet.id);
  const writes = (await h.journal()).slice(before).filter((e) => e.method !== 'GET');
  expect(writes.map((e) => `${e.method} ${e.path.replace(/^\/v2/, '')}`)).toEqual([`PUT /network/subnets/${String(subnet.id)}`]);

  // Import by <vpc_id>/<id>; the read fills the rest.
  const imported = await subnets.importState(`${String(vpc.id)}/${String(subnet.id)}`, p.call);
  const read = (await subnets.read({ current: imported.states[0] }, p.call)).newState!;
  expect(read).toMatchObject({ id: subnet.id, vpc_id: vpc.id, name: 'b', cidr: '10.0.1.0/24', type: 'only_private' });
  expect((await subnets.importState(String(subnet.id), p.call)).diagnostics![0].summary).toMatch(/must be <vpc_id>\/<id>/);

  await destroy(p, subnets, renamed);
  await destroy(p, vpcs, vpc);
  expect((await h.emu.request('GET', `/network/vpcs/${String(vpc.id)}`)).status).toBe(404);
  // A subnet whose VPC is gone reads as gone.
  expect((await subnets.read({ current: renamed }, p.call)).newState).toBeNull();
});

test('a refresh of many objects in one provider process costs one list per kind and parent', async () => {
  const vpcs = p.resource('imco_vpc');
  const subnets = p.resource('imco_subnet');
  const fws = p.resource('imco_firewall_profile');
  const states: { type: string; state: TfObject }[] = [];
  for (const n of [1, 2]) {
    const { state: vpc } = await planApply(p, vpcs, null, vpcConfig(`r${n}`, `10.${n}.0.0/16`));
    states.push({ type: 'imco_vpc', state: vpc });
    for (const s of [1, 2, 3]) {
      const { state } = await planApply(p, subnets, null, subnetConfig(String(vpc.id), `s${s}`, `10.${n}.${s}.0/24`));
      states.push({ type: 'imco_subnet', state });
    }
  }
  for (let i = 0; i < 12; i++) {
    const { state } = await planApply(p, fws, null, full(fws, { name: `fw${i}`, rules: [], owner: `test.fw${i}` }));
    states.push({ type: 'imco_firewall_profile', state });
  }
  expect(states).toHaveLength(20);

  // A new provider process: Terraform's refresh reads every resource concurrently.
  const fresh = await configuredProvider(h);
  const before = (await h.journal()).length;
  const reads = await Promise.all(states.map((s) => fresh.resource(s.type).read({ current: s.state }, fresh.call)));
  const calls = (await h.journal()).slice(before);
  expect(reads.every((r, i) => r.newState !== null && r.newState.id === states[i].state.id)).toBe(true);
  expect(reads.every((r, i) => JSON.stringify(r.newState) === JSON.stringify(states[i].state))).toBe(true);
  // vpcs, firewall profiles, and the subnets of each of the 2 VPCs: 4 lists for 20 reads.
  expect(calls.map((c) => `${c.method} ${c.path.replace(/^\/v2/, '').replace(/\?.*$/, '')}`).sort()).toEqual(
    [
      'GET /network/firewall_profiles',
      'GET /network/vpcs',
      `GET /network/vpcs/${String(states[0].state.id)}/subnets`,
      `GET /network/vpcs/${String(states[4].state.id)}/subnets`,
    ].sort(),
  );
});
