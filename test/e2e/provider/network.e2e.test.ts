// End-to-end, provider flavour: a new firewall rule is an in-place update with one PUT; a VPC CIDR
// change replaces the VPC and its subnets; edits and deletes made through the API by hand show in
// a plain `terraform plan` and `apply` repairs them; removing a construct deletes its object.
import type { TerraformStack } from 'cdktf';
import { FirewallProfile, Subnet, Vpc } from '../../../lib/constructs';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';
import { synthStack, type SynthesizedStack } from '../../support/stack';
import { terraform, terraformOk } from '../../support/terraform';
import { actionsOfType, changedActions, journalFrom, journalLength, planJson } from '../support/plan-json';

jest.setTimeout(240_000);

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator?.dispose();
});

interface Shape {
  readonly ports: readonly number[];
  readonly cidr: string;
  readonly withSubnet: boolean;
}

function build(shape: Shape) {
  const account = String(emulator.snapshot().cloud_account[0].id);
  return (stack: TerraformStack) => {
    new FirewallProfile(stack, 'web', {
      name: 'web',
      description: 'web servers',
      rules: shape.ports.map((port) => ({ protocol: 'tcp' as const, port, source: '0.0.0.0/0' })),
    });
    const vpc = new Vpc(stack, 'net', { name: 'net', cidr: `${shape.cidr}.0.0/16`, cloudAccount: account, realmProviderName: 'us-east-1' });
    if (shape.withSubnet) new Subnet(stack, 'public', { vpc, name: 'public', cidr: `${shape.cidr}.1.0/24`, type: 'only_public' });
  };
}

function resynth(stack: SynthesizedStack, shape: Shape): void {
  synthStack(emulator, build(shape), { flavour: 'provider', stackName: 'net', outdir: stack.outdir });
}

const byName = (kind: string, name: string) => (emulator.snapshot()[kind] ?? []).filter((o) => o.name === name);

test('rule added in place, CIDR change replaces, hand edits and deletes show in plan and are repaired, removal deletes', async () => {
  const shape: Shape = { ports: [443], cidr: '10.10', withSubnet: true };
  const stack = synthStack(emulator, build(shape), { flavour: 'provider', stackName: 'net' });
  await terraformOk(stack.stackDir, ['init', '-input=false', '-no-color']);
  await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  const [profile] = byName('firewall_profile', 'web');
  expect(profile).toBeDefined();

  // A new rule: `update` in place, one PUT to the profile, same id.
  resynth(stack, { ...shape, ports: [443, 80] });
  const ruled = await planJson(stack.stackDir);
  expect(Object.values(changedActions(ruled.json))).toEqual([['update']]);
  expect(actionsOfType(ruled.json, 'imco_firewall_profile')).toEqual([['update']]);
  expect(ruled.stdout).toContain('update in-place');
  let mark = journalLength(emulator.journalPath);
  await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color', ruled.planFile]);
  const writes = journalFrom(emulator.journalPath, mark).filter((e) => e.method !== 'GET');
  expect(writes.map((e) => `${e.method} ${e.path}`)).toEqual([`PUT /v2/network/firewall_profiles/${profile.id}`]);
  expect(byName('firewall_profile', 'web').map((p) => [p.id, (p.rules as unknown[]).length])).toEqual([[profile.id, 2]]);

  // Out of band: the description edited and the subnet deleted by hand. A plain plan shows both.
  const [vpc] = byName('vpc', 'net');
  const [subnet] = (emulator.snapshot().subnet ?? []).filter((x) => x.vpc_id === vpc.id);
  expect((await emulator.request('PUT', `/network/firewall_profiles/${profile.id}`, { body: { description: 'edited by hand' } })).status).toBe(200);
  expect((await emulator.request('DELETE', `/network/subnets/${subnet.id}`)).status).toBeLessThan(300);
  await emulator.waitFor(`/network/subnets/${subnet.id}`, (r) => r.status === 404);
  const drifted = await terraform(stack.stackDir, ['plan', '-detailed-exitcode', '-no-color']);
  expect(drifted.code).toBe(2);
  // (Terraform prints "changed outside of Terraform" only for drift that other changes depend on.)
  expect(drifted.stdout).toContain('~ description = "edited by hand" -> "web servers"');
  expect(drifted.stdout).toContain('imco_subnet.public will be created');
  await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  expect(byName('firewall_profile', 'web')[0].description).toBe('web servers');
  expect((emulator.snapshot().subnet ?? []).filter((x) => x.vpc_id === vpc.id).map((x) => x.cidr)).toEqual(['10.10.1.0/24']);
  await terraformOk(stack.stackDir, ['plan', '-detailed-exitcode', '-no-color'], {}, [0]);

  // A CIDR change: the VPC and its subnet are replaced, the profile is not touched.
  resynth(stack, { ports: [443, 80], cidr: '10.40', withSubnet: true });
  const moved = await planJson(stack.stackDir);
  expect(actionsOfType(moved.json, 'imco_vpc')).toEqual([['delete', 'create']]);
  expect(actionsOfType(moved.json, 'imco_subnet')).toEqual([['delete', 'create']]);
  expect(actionsOfType(moved.json, 'imco_firewall_profile')).toEqual([['no-op']]);
  expect(moved.stdout).toContain('forces replacement');
  await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color', moved.planFile]);
  const vpcs = byName('vpc', 'net');
  expect(vpcs.map((v) => v.cidr)).toEqual(['10.40.0.0/16']);
  expect(vpcs[0].id).not.toBe(vpc.id);

  // The subnet construct removed: its object is deleted by an ordinary Terraform delete.
  resynth(stack, { ports: [443, 80], cidr: '10.40', withSubnet: false });
  mark = journalLength(emulator.journalPath);
  const removal = await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  expect(removal.stdout).toContain('0 added, 0 changed, 1 destroyed');
  expect((emulator.snapshot().subnet ?? []).filter((x) => x.vpc_id === vpcs[0].id)).toEqual([]);
  expect(journalFrom(emulator.journalPath, mark).filter((e) => e.method === 'DELETE')).toHaveLength(1);

  await terraformOk(stack.stackDir, ['destroy', '-auto-approve', '-no-color']);
  expect(emulator.userObjects()).toEqual([]);
});
