// End-to-end: a create that fails after its object was made (here: the VPC does not become
// available within its timeoutSeconds). The lifecycle resource is not tainted (its create
// provisioner has on_failure = continue), its `_sync` fails the apply, and then either a destroy
// deletes the object (a tainted resource's destroy provisioner would never run) or a re-apply
// replaces only the `_sync` and keeps the object.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TerraformStack } from 'cdktf';
import { Vpc } from '../../lib/constructs';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { seedsOf } from '../support/seeds';
import { synthStack, type SynthesizedStack } from '../support/stack';
import { terraform, terraformOk } from '../support/terraform';

jest.setTimeout(180_000);

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator?.dispose();
});

const flat = (text: string) => text.replace(/\s+/g, ' ');

function stackWithSlowVpc(name: string, cidr: string): SynthesizedStack {
  const seeds = seedsOf(emulator);
  const build = (stack: TerraformStack) => {
    new Vpc(stack, 'net', { name, cidr, cloudAccount: seeds.cloudAccountId, realmProviderName: seeds.realmProviderName, timeoutSeconds: 3 });
  };
  return synthStack(emulator, build, { stackName: name });
}

/** Applies with the emulator's clock stopped: the VPC stays `provisioning` and its create times out. */
async function failedApply(stack: SynthesizedStack): Promise<string> {
  await terraformOk(stack.stackDir, ['init', '-input=false', '-no-color']);
  const run = await emulator.frozen(() => terraform(stack.stackDir, ['apply', '-auto-approve', '-input=false', '-no-color']));
  expect(run.code).toBe(1);
  return flat(run.stdout + run.stderr);
}

function instanceStatus(stack: SynthesizedStack): Record<string, string> {
  const state = JSON.parse(readFileSync(join(stack.stackDir, 'terraform.tfstate'), 'utf8')) as {
    resources: { type: string; name: string; instances: { status?: string }[] }[];
  };
  return Object.fromEntries(state.resources.filter((r) => r.type === 'terraform_data').map((r) => [r.name, r.instances[0]?.status ?? 'ok']));
}

const vpcsNamed = (name: string) => emulator.userObjects().filter((o) => o.kind === 'vpc' && o.name === name);

test('the apply fails through _sync with both errors; destroy right after deletes the object', async () => {
  const stack = stackWithSlowVpc('fc-destroy', '10.91.0.0/16');
  const out = await failedApply(stack);
  const why = String.raw`IMCO VPC 'fc-destroy' \(id \w+\) still 'provisioning' after [\d.]+s waiting for state available; .*allow a longer timeout or check the object in IMCO`;
  expect(out).toMatch(new RegExp(`imco-bridge create net: ${why}`));
  // The apply's error (terraform's summary on stderr) carries the create's reason.
  expect(out).toMatch(
    new RegExp(`imco-bridge update net: its create failed earlier in this apply: ${why} — once that is fixed, terraform apply retries it here and adopts what the failed create made instead of duplicating it`),
  );
  // The stack's prune resource comes after every _sync: not reached; its sweep resource comes first.
  expect(instanceStatus(stack)).toEqual({ imco_sweep: 'ok', net: 'ok', net_sync: 'tainted' });
  expect(vpcsNamed('fc-destroy')).toHaveLength(1);

  await terraformOk(stack.stackDir, ['destroy', '-auto-approve', '-input=false', '-no-color']);
  await emulator.settle();
  expect(vpcsNamed('fc-destroy')).toEqual([]);
});

test('a re-apply after the failed create replaces only the _sync and keeps the object', async () => {
  const stack = stackWithSlowVpc('fc-reapply', '10.92.0.0/16');
  await failedApply(stack);
  const [made] = vpcsNamed('fc-reapply');
  expect(made).toBeDefined();

  const plan = await terraform(stack.stackDir, ['plan', '-input=false', '-no-color']);
  expect(flat(plan.stdout)).toContain('Plan: 2 to add, 0 to change, 1 to destroy.'); // net_sync replaced, imco_prune added
  expect(flat(plan.stdout)).toContain('terraform_data.net_sync is tainted, so must be replaced');
  await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-input=false', '-no-color']);
  await emulator.settle();
  const after = vpcsNamed('fc-reapply');
  expect(after.map((v) => [v.id, v.state])).toEqual([[made.id, 'available']]);
  const again = await terraform(stack.stackDir, ['plan', '-detailed-exitcode', '-input=false', '-no-color']);
  expect(again.code).toBe(0);
  await terraformOk(stack.stackDir, ['destroy', '-auto-approve', '-input=false', '-no-color']);
});
