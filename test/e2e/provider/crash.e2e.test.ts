// End-to-end, provider flavour: terraform killed with SIGKILL right after a create's POST reached
// IMCO (before the state was written) leaves, after the next apply, exactly one object per
// construct: the create finds the object by its ownership label and adopts it.
import type { TerraformStack } from 'cdktf';
import { FirewallProfile, Script } from '../../../lib/constructs';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';
import { synthStack } from '../../support/stack';
import { terraform, terraformOk } from '../../support/terraform';

jest.setTimeout(240_000);

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator?.dispose();
});

const count = (kind: string, name: string) => (emulator.snapshot()[kind] ?? []).filter((o) => o.name === name).length;

test('kill -9 of terraform right after a POST, then apply: exactly one object each', async () => {
  const names = Array.from({ length: 6 }, (_, i) => `pcrash-${i}`);
  const build = (stack: TerraformStack) => {
    for (const n of names) new FirewallProfile(stack, n, { name: n, rules: [{ protocol: 'tcp', port: 22, source: '10.0.0.0/8' }] });
    new Script(stack, 'pcrash-script', { name: 'pcrash-script', code: 'true' });
  };
  const stack = synthStack(emulator, build, { flavour: 'provider', stackName: 'pcrash' });
  await terraformOk(stack.stackDir, ['init', '-no-color']);
  emulator.setLatency(200);
  const killed = await terraform(stack.stackDir, ['apply', '-auto-approve', '-no-color', '-parallelism=3'], {
    onSpawn: (child) => {
      const timer = setInterval(() => {
        if (names.some((n) => count('firewall_profile', n) > 0)) {
          clearInterval(timer);
          child.kill('SIGKILL');
        }
      }, 5);
      child.on('close', () => clearInterval(timer));
    },
  });
  expect(killed.code).not.toBe(0);
  emulator.setLatency(0);
  // The killed run may still have creates in flight in its provider process: let them land.
  await new Promise((r) => setTimeout(r, 1500));
  expect(names.filter((n) => count('firewall_profile', n) > 0).length).toBeGreaterThan(0);

  const again = await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  expect(again.stdout).toContain('Apply complete!');
  for (const n of names) expect({ n, count: count('firewall_profile', n) }).toEqual({ n, count: 1 });
  expect(count('script', 'pcrash-script')).toBe(1);
  await terraformOk(stack.stackDir, ['plan', '-detailed-exitcode', '-no-color'], {}, [0]);
  await terraformOk(stack.stackDir, ['destroy', '-auto-approve', '-no-color']);
  expect(emulator.userObjects()).toEqual([]);
});
