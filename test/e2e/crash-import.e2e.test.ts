// End-to-end: a killed apply leaves no duplicates after the next apply; an unlabelled object with a
// colliding name is refused until `imco-bridge import` adopts it.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TerraformStack } from 'cdktf';
import { FirewallProfile, Script, SshProfile } from '../../lib/constructs';
import { emulatorCredentials, startTestEmulator, type TestEmulator } from '../support/emulator';
import { synthStack } from '../support/stack';
import { terraform, terraformOk } from '../support/terraform';

jest.setTimeout(240_000);

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator?.dispose();
});

const credentials = (): Record<string, string> => emulatorCredentials(emulator);

function countByName(kind: string, name: string): number {
  return (emulator.snapshot()[kind] ?? []).filter((o) => o.name === name).length;
}

test('SIGKILL during an apply, then apply again: every object exists exactly once', async () => {
  const names = Array.from({ length: 8 }, (_, i) => `crash-${i}`);
  const build = (stack: TerraformStack) => {
    for (const n of names) new FirewallProfile(stack, n, { name: n, rules: [{ protocol: 'tcp', port: 22, source: '10.0.0.0/8' }] });
    new Script(stack, 'crash-script', { name: 'crash-script', code: 'true' });
    new SshProfile(stack, 'crash-ssh', { name: 'crash-ssh', publicKey: 'ssh-ed25519 AAAAC3Nza crash@example' });
  };
  const stack = synthStack(emulator, build, { stackName: 'crash' });
  await terraformOk(stack.stackDir, ['init', '-no-color']);
  emulator.setLatency(150);
  // Kill terraform as soon as the emulator has seen a few creates (objects are mid-creation).
  const killed = await terraform(stack.stackDir, ['apply', '-auto-approve', '-no-color', '-parallelism=4'], {
    onSpawn: (child) => {
      const timer = setInterval(() => {
        const creates = (emulator.snapshot().firewall_profile ?? []).filter((p) => String(p.name).startsWith('crash-')).length;
        if (creates >= 3) {
          clearInterval(timer);
          child.kill('SIGKILL');
        }
      }, 20);
      child.on('close', () => clearInterval(timer));
    },
  });
  expect(killed.code).not.toBe(0);
  emulator.setLatency(0);
  const created = names.filter((n) => countByName('firewall_profile', n) > 0).length;
  expect(created).toBeGreaterThan(0);
  expect(created).toBeLessThan(names.length + 1);

  await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  for (const n of names) expect({ n, count: countByName('firewall_profile', n) }).toEqual({ n, count: 1 });
  expect(countByName('script', 'crash-script')).toBe(1);
  expect(countByName('ssh_profile', 'crash-ssh')).toBe(1);
  await terraformOk(stack.stackDir, ['plan', '-detailed-exitcode', '-no-color']);
  await terraformOk(stack.stackDir, ['destroy', '-auto-approve', '-no-color']);
  expect(emulator.userObjects()).toEqual([]);
});

test('an unlabelled object with the same name is not adopted until imco-bridge import', async () => {
  const existing = await emulator.request('POST', '/network/firewall_profiles', { body: { name: 'legacy', description: 'made by hand' } });
  expect(existing.status).toBeLessThan(300);
  const id = String(existing.json.id);
  const stack = synthStack(emulator, (s) => new FirewallProfile(s, 'legacy', { name: 'legacy', description: 'managed now' }), { stackName: 'adopt' });
  await terraformOk(stack.stackDir, ['init', '-no-color']);
  const refused = await terraform(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  expect(refused.code).not.toBe(0);
  expect(refused.stderr.replace(/\s+/g, ' ')).toContain(`imco-bridge import legacy ${id}`);
  expect(countByName('firewall_profile', 'legacy')).toBe(1);

  const bridge = join(__dirname, '..', '..', 'bin', 'imco-bridge.js');
  const imported = await promisify(execFile)(process.execPath, [bridge, 'import', 'legacy', id, '--stack', stack.stackDir], {
    env: { ...process.env, ...credentials() },
  });
  expect(imported.stdout).toContain(`imported firewall profile ${id}`);

  await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  const profiles = (emulator.snapshot().firewall_profile ?? []).filter((p) => p.name === 'legacy');
  expect(profiles).toHaveLength(1);
  expect(profiles[0].id).toBe(id);
  expect(profiles[0].description).toBe('managed now');
  await terraformOk(stack.stackDir, ['destroy', '-auto-approve', '-no-color']);
  expect(countByName('firewall_profile', 'legacy')).toBe(0);
});

test('renaming a construct: import under the new path moves the object, and the prune keeps it', async () => {
  const build = (id: string) => (stack: TerraformStack) => new FirewallProfile(stack, id, { name: 'renamed-fw', description: 'kept' });
  const stack = synthStack(emulator, build('old'), { stackName: 'rename' });
  await terraformOk(stack.stackDir, ['init', '-no-color']);
  await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  const id = String((emulator.snapshot().firewall_profile ?? []).find((p) => p.name === 'renamed-fw')!.id);

  synthStack(emulator, build('new'), { stackName: 'rename', outdir: stack.outdir });
  const refused = await terraform(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  expect(refused.code).not.toBe(0);
  expect(refused.stderr.replace(/\s+/g, ' ')).toContain(`imco-bridge import new ${id}`);
  const bridge = join(__dirname, '..', '..', 'bin', 'imco-bridge.js');
  const imported = await promisify(execFile)(process.execPath, [bridge, 'import', 'new', id, '--stack', stack.stackDir], {
    env: { ...process.env, ...credentials() },
  });
  expect(imported.stdout).toContain("removed the previous ownership label 'rename.old-");

  const applied = await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  expect(applied.stdout).toContain('no longer declared in the stack; nothing carries its identity any more');
  const after = (emulator.snapshot().firewall_profile ?? []).filter((p) => p.name === 'renamed-fw');
  expect(after.map((p) => p.id)).toEqual([id]);
  await terraformOk(stack.stackDir, ['plan', '-detailed-exitcode', '-no-color']);
  await terraformOk(stack.stackDir, ['destroy', '-auto-approve', '-no-color']);
  expect(countByName('firewall_profile', 'renamed-fw')).toBe(0);
});
