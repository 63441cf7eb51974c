// End-to-end, provider flavour: refreshing a 100-object stack costs at most 2 × (kinds + parents)
// API calls (the reads of one provider process share one list per kind and parent), counted from
// the emulator's journal during a plain `terraform plan`.
import type { TerraformStack } from 'cdktf';
import { FirewallProfile, Subnet, Vpc } from '../../../lib/constructs';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';
import { synthStack } from '../../support/stack';
import { terraformOk } from '../../support/terraform';
import { journalFrom, journalLength } from '../support/plan-json';

jest.setTimeout(300_000);

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator?.dispose();
});

test('a no-op plan of 100 objects makes at most 2 × (kinds + parents) calls and no write', async () => {
  const account = String(emulator.snapshot().cloud_account[0].id);
  const vpcs = 2;
  const subnetsPerVpc = 4;
  const profiles = 100 - vpcs - vpcs * subnetsPerVpc;
  const build = (stack: TerraformStack) => {
    for (let i = 0; i < profiles; i++) new FirewallProfile(stack, `fw${i}`, { name: `refresh-fw-${i}` });
    for (let v = 0; v < vpcs; v++) {
      const vpc = new Vpc(stack, `vpc${v}`, { name: `refresh-vpc-${v}`, cidr: `10.${70 + v}.0.0/16`, cloudAccount: account, realmProviderName: 'us-east-1' });
      for (let s = 0; s < subnetsPerVpc; s++) new Subnet(stack, `vpc${v}-sub${s}`, { vpc, name: `sub-${s}`, cidr: `10.${70 + v}.${s}.0/24`, type: 'only_private' });
    }
  };
  const stack = synthStack(emulator, build, { flavour: 'provider', stackName: 'refresh' });
  await terraformOk(stack.stackDir, ['init', '-no-color']);
  await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color', '-parallelism=10']);
  expect(emulator.userObjects()).toHaveLength(100);

  const mark = journalLength(emulator.journalPath);
  await terraformOk(stack.stackDir, ['plan', '-detailed-exitcode', '-no-color', '-parallelism=10'], {}, [0]);
  const calls = journalFrom(emulator.journalPath, mark);
  const kinds = 3;
  expect(calls.filter((c) => c.method !== 'GET')).toEqual([]);
  expect(calls.length).toBeLessThanOrEqual(2 * (kinds + vpcs));
  await terraformOk(stack.stackDir, ['destroy', '-auto-approve', '-no-color', '-parallelism=10']);
  expect(emulator.userObjects()).toEqual([]);
});
