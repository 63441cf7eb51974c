// End-to-end: real terraform applies a network stack through imco-bridge against the emulator.
import { readFileSync } from 'node:fs';
import { FirewallProfile, Subnet, Vpc } from '../../lib/constructs';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { apply, synthStack } from '../support/stack';
import { terraformOk } from '../support/terraform';

jest.setTimeout(240_000);

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator?.dispose();
});

function cloudAccountId(): string {
  return String(emulator.snapshot().cloud_account[0].id);
}

test('a firewall profile, a VPC and a subnet apply, converge in place and are destroyed', async () => {
  const account = cloudAccountId();
  const build = (rules: number[]) => (stack: import('cdktf').TerraformStack) => {
    new FirewallProfile(stack, 'web', {
      name: 'web',
      description: 'web servers',
      rules: rules.map((port) => ({ protocol: 'tcp' as const, port, source: '0.0.0.0/0' })),
    });
    const vpc = new Vpc(stack, 'net', { name: 'net', cidr: '10.10.0.0/16', cloudAccount: account, realmProviderName: 'us-east-1' });
    new Subnet(stack, 'public', { vpc, name: 'public', cidr: '10.10.1.0/24', type: 'only_public' });
  };
  const first = synthStack(emulator, build([443]));
  const applied = await apply(first);
  // Two resources per object, plus the stack's prune and sweep resources.
  expect(applied.stdout).toContain('Apply complete! Resources: 8 added');
  const profiles = emulator.snapshot().firewall_profile.filter((p) => p.name === 'web');
  expect(profiles).toHaveLength(1);
  expect(emulator.snapshot().vpc.filter((v) => v.name === 'net')).toHaveLength(1);
  expect((emulator.snapshot().subnet ?? []).filter((s) => s.cidr === '10.10.1.0/24')).toHaveLength(1);

  // No-op: plan is empty.
  const plan = await terraformOk(first.stackDir, ['plan', '-detailed-exitcode', '-no-color'], {}, [0]);
  expect(plan.stdout).toContain('No changes');

  // Add a rule: only the profile's _sync is replaced, and exactly one PUT goes to it.
  synthStack(emulator, build([443, 80]), { outdir: first.outdir });
  const plan2 = await terraformOk(first.stackDir, ['plan', '-no-color'], {}, [0]);
  expect(plan2.stdout).toMatch(/terraform_data\.web_sync must be replaced/);
  expect(plan2.stdout).toContain('Plan: 1 to add, 0 to change, 1 to destroy');
  await terraformOk(first.stackDir, ['apply', '-auto-approve', '-no-color']);
  const after = emulator.snapshot().firewall_profile.filter((p) => p.name === 'web');
  expect(after).toHaveLength(1);
  expect(after[0].id).toBe(profiles[0].id);
  expect((after[0].rules as unknown[]).length).toBe(2);

  // Exactly one PUT went to the profile, and nothing else was written.
  const journal = readFileSync(emulator.journalPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { method: string; path: string });
  const putsToProfile = journal.filter((e) => e.method === 'PUT' && e.path === `/v2/network/firewall_profiles/${profiles[0].id}`);
  expect(putsToProfile).toHaveLength(1);

  await terraformOk(first.stackDir, ['destroy', '-auto-approve', '-no-color']);
  expect(emulator.userObjects()).toEqual([]);
});

test('a VPC CIDR change replaces the VPC and its subnets; removing a construct deletes its object', async () => {
  const account = cloudAccountId();
  const build = (cidr: string, withSubnet: boolean) => (stack: import('cdktf').TerraformStack) => {
    new FirewallProfile(stack, 'keep', { name: 'keep' });
    const vpc = new Vpc(stack, 'net', { name: 'net2', cidr: `${cidr}.0.0/16`, cloudAccount: account, realmProviderName: 'us-east-1' });
    if (withSubnet) new Subnet(stack, 'public', { vpc, name: 'public', cidr: `${cidr}.1.0/24`, type: 'only_public' });
  };
  const stack = synthStack(emulator, build('10.30', true), { stackName: 'replace' });
  await apply(stack);
  const vpcBefore = emulator.snapshot().vpc.find((v) => v.name === 'net2')!;
  const keepBefore = emulator.snapshot().firewall_profile.find((v) => v.name === 'keep')!;

  synthStack(emulator, build('10.40', true), { outdir: stack.outdir, stackName: 'replace' });
  const plan = await terraformOk(stack.stackDir, ['plan', '-no-color']);
  expect(plan.stdout).toMatch(/terraform_data\.net must be replaced/);
  expect(plan.stdout).toMatch(/terraform_data\.public must be replaced/);
  expect(plan.stdout).not.toMatch(/terraform_data\.keep must be replaced/);
  await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  const vpcs = emulator.snapshot().vpc.filter((v) => v.name === 'net2');
  expect(vpcs).toHaveLength(1);
  expect(vpcs[0].id).not.toBe(vpcBefore.id);
  expect(vpcs[0].cidr).toBe('10.40.0.0/16');
  expect((emulator.snapshot().subnet ?? []).filter((x) => x.vpc_id === vpcs[0].id).map((x) => x.cidr)).toEqual(['10.40.1.0/24']);
  expect((emulator.snapshot().subnet ?? []).filter((x) => x.vpc_id === vpcBefore.id)).toEqual([]);

  // The subnet construct is removed from the program: its object is deleted by the prune.
  synthStack(emulator, build('10.40', false), { outdir: stack.outdir, stackName: 'replace' });
  const removal = await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  expect(removal.stdout).toContain('no longer declared in the stack; deleting it');
  expect((emulator.snapshot().subnet ?? []).filter((x) => x.vpc_id === vpcs[0].id)).toEqual([]);
  expect(emulator.snapshot().firewall_profile.find((v) => v.name === 'keep')!.id).toBe(keepBefore.id);
  await terraformOk(stack.stackDir, ['plan', '-detailed-exitcode', '-no-color']);

  await terraformOk(stack.stackDir, ['destroy', '-auto-approve', '-no-color']);
  expect(emulator.userObjects()).toEqual([]);
});
