// imco_vpn's `vpn_plan_name` against the emulator: the plan is found by name among the VPC's VPN
// plans at create (what VpnPlan.named synthesizes in the provider flavour), vpn_plan_id is then
// computed; exactly one of the two is required; a changed name replaces, a name recorded on a
// state that had none (import, move) does not; an unknown name fails the create naming it.
import { randomBytes } from 'node:crypto';
import type { TfObject } from '../../../lib/provider/resource-type';
import { kindModel } from '../../../lib/provider/resources/schema';
import { kindSpec } from '../../../lib/catalog';
import { type ClientHarness, type Seeds, mockSeeds, startClientHarness } from '../../client/support/emulator-client';
import { type Provider, configuredProvider, destroy, full, plan, planApply } from './support';

const PSK_ENV = `IMCO_TEST_PSK_${randomBytes(4).toString('hex')}`;

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

const vpnConfig = (vpcId: string, plan: { vpn_plan_id?: string; vpn_plan_name?: string }): TfObject =>
  full(p.resource('imco_vpn'), { vpc_id: vpcId, public_ip: '203.0.113.7', exposed_cidrs: ['10.0.0.0/16'], psk_env: PSK_ENV, psk_version: '1', ...plan });

test('schema: vpn_plan_id is optional and computed, vpn_plan_name optional', () => {
  const attrs = kindModel(kindSpec('vpn')).schema.attributes;
  expect(attrs.find((a) => a.name === 'vpn_plan_id')).toMatchObject({ optional: true, computed: true, required: false });
  expect(attrs.find((a) => a.name === 'vpn_plan_name')).toMatchObject({ type: 'string', optional: true });
});

test('vpn_plan_name: resolved among the VPC\'s plans at create; exactly one of id and name; a changed name replaces', async () => {
  const vpns = p.resource('imco_vpn');
  const { state: vpc } = await planApply(
    p,
    p.resource('imco_vpc'),
    null,
    full(p.resource('imco_vpc'), { name: 'vpn-net', cidr: '10.0.0.0/16', cloud_account_id: seeds.account, realm_provider_name: seeds.realmProviderName, owner: 't.vpn-net' }),
  );
  const vpcId = String(vpc.id);
  const plans = (await h.emu.request('GET', `/network/vpcs/${vpcId}/vpn_plans`)).json as { id: string; name: string }[];
  const chosen = plans[plans.length - 1];

  expect(vpns.validate!(vpnConfig(vpcId, {})).map((d) => d.summary)).toEqual([
    "vpn_plan_id or vpn_plan_name is required: give the plan id, or its name among the VPC's VPN plans",
  ]);
  expect(vpns.validate!(vpnConfig(vpcId, { vpn_plan_id: chosen.id, vpn_plan_name: chosen.name })).map((d) => d.summary)).toEqual([
    'set vpn_plan_id or vpn_plan_name, not both',
  ]);

  const unknownName = await plan(p, vpns, null, vpnConfig(vpcId, { vpn_plan_name: 'No Such Plan' }));
  const failed = await vpns.apply({ prior: null, planned: unknownName.planned, config: vpnConfig(vpcId, { vpn_plan_name: 'No Such Plan' }) }, p.call);
  expect(failed.newState).toBeNull();
  expect(failed.diagnostics![0].summary).toContain("VPN plan 'No Such Plan'");

  const { plan: created, state } = await planApply(p, vpns, null, vpnConfig(vpcId, { vpn_plan_name: chosen.name }));
  expect(created.planned!.vpn_plan_id).toBeInstanceOf(Object); // unknown until IMCO answers
  expect(state).toMatchObject({ vpn_plan_name: chosen.name, vpn_plan_id: chosen.id });
  expect((await h.emu.request('GET', `/network/vpcs/${vpcId}/vpn`)).json.vpn_plan_id).toBe(chosen.id);

  // Refresh keeps the name; the same configuration plans no change.
  const read = (await vpns.read({ current: state }, p.call)).newState!;
  expect(read).toMatchObject({ vpn_plan_name: chosen.name, vpn_plan_id: chosen.id });
  const again = await plan(p, vpns, read, vpnConfig(vpcId, { vpn_plan_name: chosen.name }));
  expect(again.requiresReplace).toEqual([]);
  expect(again.planned).toEqual(read);

  // Another name replaces the VPN; a name recorded on a state without one (import, move) does not.
  expect((await plan(p, vpns, read, vpnConfig(vpcId, { vpn_plan_name: 'Other' }))).requiresReplace).toEqual([[{ attr: 'vpn_plan_name' }]]);
  expect((await plan(p, vpns, { ...read, vpn_plan_name: null }, vpnConfig(vpcId, { vpn_plan_name: chosen.name }))).requiresReplace).toEqual([]);

  await destroy(p, vpns, read);
  await destroy(p, p.resource('imco_vpc'), vpc);
});
