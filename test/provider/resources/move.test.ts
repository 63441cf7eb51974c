// Moving the lifecycle resource of the provisioner flavours to an imco_* resource: the move itself
// (no network: a state without id, the reference in private data) refuses what is not the right
// lifecycle resource; the refresh, configured with the stack instance, finds the object by its
// ownership label (or natural key in its parent) against the emulator and completes the state
// with the same id; a plan without that refresh is refused; locators a moved state lacks are
// recorded in place, not replaced.
import { legacyOwnerLabelName, ownershipLabel } from '../../../lib/spec/identity';
import { kindSpec } from '../../../lib/catalog';
import type { MoveRequest, ResourceType, TfObject } from '../../../lib/provider/resource-type';
import { pendingMoveOf } from '../../../lib/provider/resources/move-marker';
import { planResource } from '../../../lib/provider/resources/plan';
import { kindModel } from '../../../lib/provider/resources/schema';
import { type ClientHarness, type Seeds, mockSeeds, startClientHarness } from '../../client/support/emulator-client';
import { type Provider, configuredProvider, full, plan, planApply } from './support';

const STACK = 'shop';
const INSTANCE = 'move-test-0001';

let h: ClientHarness;
let p: Provider;
let seeds: Seeds;

beforeAll(async () => {
  h = await startClientHarness();
  p = await configuredProvider(h, { stack: STACK, stack_instance: INSTANCE });
  seeds = await mockSeeds(h.client);
});
afterAll(async () => h?.dispose());

/** A terraform_data lifecycle resource's state as Terraform stores it (dynamic values as { value, type }). */
function terraformData(triggers: Record<string, string>): MoveRequest {
  const dyn = (v: Record<string, string>) => ({ value: v, type: ['object', Object.fromEntries(Object.keys(v).map((k) => [k, 'string']))] });
  return {
    sourceProviderAddress: 'terraform.io/builtin/terraform',
    sourceTypeName: 'terraform_data',
    sourceSchemaVersion: 0,
    sourceState: { id: 'f2b1c2d4-0000-4000-8000-000000000001', input: dyn({ imco_timeout: '60' }), output: dyn({ imco_timeout: '60' }), triggers_replace: dyn(triggers) },
  };
}

const owned = (kind: string, path: string) => ({ kind, owner: legacyOwnerLabelName(STACK, path), path });

async function move(r: ResourceType, req: MoveRequest) {
  return r.moveState!(req, p.call);
}

test('the move uses no network: a state without id, the reference and fingerprints in private data', async () => {
  const ssh = p.resource('imco_ssh_profile');
  const res = await move(ssh, terraformData({ imco_kind: 'ssh_profile', imco_self: JSON.stringify(owned('ssh_profile', 'ops')), imco_endpoint: h.emu.endpoint }));
  expect(res.diagnostics ?? []).toEqual([]);
  expect(res.targetState!.id).toBeNull();
  expect(pendingMoveOf(res.targetPrivate)).toEqual({ from: 'terraform_data', ref: owned('ssh_profile', 'ops'), endpoint: h.emu.endpoint, known: {} });

  const vpn = await move(p.resource('imco_vpn'), terraformData({ imco_kind: 'vpn', imco_self: JSON.stringify({ kind: 'vpn', parent: owned('vpc', 'net') }), psk: 'scrypt-hmac:abc' }));
  expect(vpn.targetState!.psk_version).toBe('scrypt-hmac:abc');
  const cookbook = await move(p.resource('imco_cookbook_version'), terraformData({ imco_kind: 'cookbook_version', imco_self: JSON.stringify(owned('cookbook_version', 'cb')), archive_sha256: 'f'.repeat(64) }));
  expect(cookbook.targetState!.archive_sha256).toBe('f'.repeat(64));
});

test('the move refuses what is not the lifecycle resource of an object of the target kind', async () => {
  const fw = p.resource('imco_firewall_profile');
  const summary = async (req: MoveRequest) => (await move(fw, req)).diagnostics?.map((d) => d.summary);
  expect(await summary(terraformData({ imco_kind: 'vpc', imco_self: JSON.stringify(owned('vpc', 'net')) }))).toEqual([
    'terraform_data (terraform.io/builtin/terraform) holds an IMCO vpc, not a firewall profile: move it to imco_vpc',
  ]);
  expect((await summary(terraformData({ imco_lifecycle: 'x', name: 'fw' })))![0]).toMatch(/is not the lifecycle resource of an IMCO object .*_sync/);
  expect((await summary({ ...terraformData({}), sourceTypeName: 'aws_instance', sourceProviderAddress: 'hashicorp/aws' }))![0]).toMatch(/can take over only the lifecycle resource/);
});

test('the refresh finds the object by its ownership label and completes the state with its id; a plan without it is refused', async () => {
  const fws = p.resource('imco_firewall_profile');
  const label = ownershipLabel({ instance: INSTANCE, stack: STACK, path: 'web/fw' }).name;
  const { state: made } = await planApply(p, fws, null, full(fws, { name: 'web-fw', rules: [], owner: label }));
  const moved = await move(fws, terraformData({ imco_kind: 'firewall_profile', imco_self: JSON.stringify(owned('firewall_profile', 'web/fw')), imco_endpoint: h.emu.endpoint }));

  // As the constructs write it (IMCO answers an empty description as "").
  const config = full(fws, { name: 'web-fw', description: '', rules: [], owner: label });
  const unrefreshed = await fws.plan({ prior: moved.targetState, proposed: config, config, priorPrivate: moved.targetPrivate }, p.call);
  expect(unrefreshed.diagnostics![0].summary).toMatch(/completed by the refresh: run terraform plan\/apply without -refresh=false/);

  const before = (await h.journal()).length;
  const read = await fws.read({ current: moved.targetState!, private: moved.targetPrivate }, p.call);
  expect(read.diagnostics ?? []).toEqual([]);
  expect(read.newState).toMatchObject({ id: made.id, name: 'web-fw', owner: label, endpoint: made.endpoint });
  expect(read.private).toEqual(new Uint8Array());
  expect((await h.journal()).slice(before).filter((e) => e.method !== 'GET')).toEqual([]);
  // Nothing left to do: the same configuration plans no change.
  const again = await plan(p, fws, read.newState, config);
  expect(again.requiresReplace).toEqual([]);
  expect(again.planned).toEqual(read.newState);
});

test('a subnet is found by its CIDR inside its VPC found by label; a missing object is an error naming the fixes', async () => {
  const vpcs = p.resource('imco_vpc');
  const subnets = p.resource('imco_subnet');
  const label = ownershipLabel({ instance: INSTANCE, stack: STACK, path: 'net' }).name;
  const { state: vpc } = await planApply(p, vpcs, null, full(vpcs, { name: 'net', cidr: '10.7.0.0/16', cloud_account_id: seeds.account, realm_provider_name: seeds.realmProviderName, owner: label }));
  const { state: subnet } = await planApply(p, subnets, null, full(subnets, { vpc_id: vpc.id, name: 'a', cidr: '10.7.1.0/24', type: 'only_private' }));
  const subnetRef = { kind: 'subnet', parent: owned('vpc', 'net'), natural: { cidr: '10.7.1.0/24' }, path: 'net/a' };
  const moved = await move(subnets, terraformData({ imco_kind: 'subnet', imco_self: JSON.stringify(subnetRef) }));
  const read = await subnets.read({ current: moved.targetState!, private: moved.targetPrivate }, p.call);
  expect(read.newState).toMatchObject({ id: subnet.id, vpc_id: vpc.id, cidr: '10.7.1.0/24' });

  const gone = await move(subnets, terraformData({ imco_kind: 'subnet', imco_self: JSON.stringify({ ...subnetRef, natural: { cidr: '10.7.9.0/24' } }) }));
  const missing = await subnets.read({ current: gone.targetState!, private: gone.targetPrivate }, p.call);
  expect(missing.diagnostics![0].summary).toMatch(/^subnet 'net\/a' \(moved from terraform_data\) was not found in IMCO: .*terraform state rm imco_subnet/i);
});

test('locators a moved or imported state lacks are recorded in place; changing a known one still replaces', () => {
  const vpn = kindModel(kindSpec('vpn'));
  const values = (v: TfObject): TfObject => {
    const out: TfObject = { timeouts: null };
    for (const a of vpn.schema.attributes) out[a.name] = null;
    return { ...out, id: 'n', vpc_id: 'v', public_ip: '1.2.3.4', exposed_cidrs: ['10.0.0.0/16'], vpn_plan_id: 'p', psk_version: '1', ...v };
  };
  const config = values({ id: null, psk_env: 'PSK', vpn_plan_id: null, vpn_plan_name: 'basic' });
  const proposed = { ...config, id: 'n', vpn_plan_id: 'p' };
  expect(planResource(vpn, { prior: values({}), proposed, config }).requiresReplace).toEqual([]);
  const renamed = planResource(vpn, { prior: values({ psk_env: 'OLD', vpn_plan_name: 'basic' }), proposed, config }).requiresReplace;
  expect(renamed).toEqual([[{ attr: 'psk_env' }]]);
});
