// End-to-end: real terraform applies a network stack through imco-bridge against the emulator.
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
  expect(applied.stdout).toContain('Apply complete! Resources: 6 added');
  const profiles = emulator.snapshot().firewall_profile.filter((p) => p.name === 'web');
  expect(profiles).toHaveLength(1);
  expect(emulator.snapshot().vpc.filter((v) => v.name === 'net')).toHaveLength(1);
  expect(emulator.snapshot().subnet.filter((s) => s.cidr === '10.10.1.0/24')).toHaveLength(1);

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

  await terraformOk(first.stackDir, ['destroy', '-auto-approve', '-no-color']);
  expect(emulator.userObjects()).toEqual([]);
});
