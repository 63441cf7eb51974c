// End-to-end (real terraform, emulator over mTLS): ownership labels that cannot collide. Two
// unrelated repositories (two stack instance ids) with the same stack name and construct paths
// each keep their own object, and one's object with the other's IMCO name is refused, never
// adopted; `prod` + `web/fw` and `prod.web` + `fw` each keep their own; destroying one stack
// leaves the other's object; drift never lists the other stack's object as unmanaged.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { FirewallProfile } from '../../lib/constructs';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { withEnv } from '../support/env';
import { synthStack, type SynthesizedStack } from '../support/stack';
import { terraform, terraformOk } from '../support/terraform';

jest.setTimeout(300_000);

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator?.dispose();
});

const bridge = join(__dirname, '..', '..', 'bin', 'imco-bridge.js');
const credentials = () => ({
  CONCERTO_ENDPOINT: emulator.endpoint,
  CONCERTO_CA_CERT: emulator.caCert,
  CONCERTO_CLIENT_CERT: emulator.clientCert,
  CONCERTO_CLIENT_KEY: emulator.clientKey,
});
const profiles = (name: string) => (emulator.snapshot().firewall_profile ?? []).filter((p) => p.name === name);

/** A profile at `web/fw` (or `path`) named `name`. */
const webFw = (name: string, description: string, path = ['web', 'fw']) => (stack: TerraformStack) => {
  let scope: Construct = stack;
  for (const part of path.slice(0, -1)) scope = new Construct(scope, part);
  new FirewallProfile(scope, path[path.length - 1], { name, description, rules: [{ protocol: 'tcp', port: 443, source: '0.0.0.0/0' }] });
};

/** Synthesizes in a repository of its own: its own imco.identity.json, so its own stack instance. */
function synthInRepo(repo: string, build: (s: TerraformStack) => void, stackName: string, outdir?: string): SynthesizedStack {
  return withEnv({ IMCO_IDENTITY_FILE: join(repo, 'imco.identity.json') }, () => synthStack(emulator, build, { stackName, outdir }));
}

const instanceOf = (repo: string) => (JSON.parse(readFileSync(join(repo, 'imco.identity.json'), 'utf8')) as { instance: string }).instance;

async function drift(stack: SynthesizedStack): Promise<{ code: number; out: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, [bridge, 'drift', '--stack', stack.stackDir], { env: { ...process.env, ...credentials() } });
    return { code: 0, out: r.stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: `${e.stdout}${e.stderr}` };
  }
}

test('two unrelated repositories with the same stack name and construct paths each keep their own object', async () => {
  const repoA = mkdtempSync(join(tmpdir(), 'imco-repo-a-'));
  const repoB = mkdtempSync(join(tmpdir(), 'imco-repo-b-'));
  const a = synthInRepo(repoA, webFw('repo-a-fw', 'from A'), 'prod');
  await terraformOk(a.stackDir, ['init', '-no-color']);
  await terraformOk(a.stackDir, ['apply', '-auto-approve', '-no-color']);
  const [objA] = profiles('repo-a-fw');

  // B: same stack name, same path, another IMCO name: a new object of its own, A's untouched.
  const b = synthInRepo(repoB, webFw('repo-b-fw', 'from B'), 'prod');
  expect(instanceOf(repoB)).not.toBe(instanceOf(repoA));
  await terraformOk(b.stackDir, ['init', '-no-color']);
  const applied = await terraformOk(b.stackDir, ['apply', '-auto-approve', '-no-color']);
  expect(applied.stdout).not.toContain('adopting');
  const [objB] = profiles('repo-b-fw');
  expect(objB.id).not.toBe(objA.id);
  expect(profiles('repo-a-fw').map((p) => [p.id, p.description])).toEqual([[objA.id, 'from A']]);

  // Neither stack's drift calls the other's object unmanaged.
  for (const s of [a, b]) {
    const report = await drift(s);
    expect(report.out).not.toContain('unmanaged');
    expect(report.code).toBe(0);
  }

  // B renamed to A's IMCO name: refused, naming both stack instances, and no import hint.
  synthInRepo(repoB, webFw('repo-a-fw', 'from B'), 'prod', b.outdir);
  await terraformOk(b.stackDir, ['destroy', '-auto-approve', '-no-color']);
  expect(profiles('repo-b-fw')).toHaveLength(0);
  const refused = await terraform(b.stackDir, ['apply', '-auto-approve', '-no-color']);
  expect(refused.code).not.toBe(0);
  const message = `${refused.stdout}${refused.stderr}`.replace(/\s+/g, ' ');
  expect(message).toContain(`belongs to stack 'prod' of stack instance ${instanceOf(repoA)}`);
  expect(message).toContain(`of stack 'prod' of stack instance ${instanceOf(repoB)}`);
  expect(message).not.toContain('imco-bridge import');
  expect(profiles('repo-a-fw').map((p) => [p.id, p.description])).toEqual([[objA.id, 'from A']]);

  // Destroying B leaves A's object; A's destroy removes it.
  await terraformOk(b.stackDir, ['destroy', '-auto-approve', '-no-color']);
  expect(profiles('repo-a-fw').map((p) => p.id)).toEqual([objA.id]);
  await terraformOk(a.stackDir, ['destroy', '-auto-approve', '-no-color']);
  expect(profiles('repo-a-fw')).toHaveLength(0);
});

test('prod + web/fw and prod.web + fw each keep their own object; destroying one leaves the other', async () => {
  const one = synthStack(emulator, webFw('dotted-one', 'one'), { stackName: 'prod' });
  const two = synthStack(emulator, webFw('dotted-two', 'two', ['fw']), { stackName: 'prod.web' });
  for (const s of [one, two]) await terraformOk(s.stackDir, ['init', '-no-color']);
  await terraformOk(one.stackDir, ['apply', '-auto-approve', '-no-color']);
  const applied = await terraformOk(two.stackDir, ['apply', '-auto-approve', '-no-color']);
  expect(applied.stdout).not.toContain('adopting');
  const [first] = profiles('dotted-one');
  const [second] = profiles('dotted-two');
  expect(second.id).not.toBe(first.id);
  expect(first.description).toBe('one');
  await terraformOk(two.stackDir, ['destroy', '-auto-approve', '-no-color']);
  expect(profiles('dotted-two')).toHaveLength(0);
  expect(profiles('dotted-one').map((p) => [p.id, p.description])).toEqual([[first.id, 'one']]);
  await terraformOk(one.stackDir, ['destroy', '-auto-approve', '-no-color']);
  expect(profiles('dotted-one')).toHaveLength(0);
});

test('upgrade: objects labelled by the previous version are kept — no plan change, updated in place, moved to the new label', async () => {
  const before = mkdtempSync(join(tmpdir(), 'imco-repo-old-'));
  const stack = synthInRepo(before, webFw('upgraded-fw', 'v1'), 'upgrade');
  await terraformOk(stack.stackDir, ['init', '-no-color']);
  await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  const [obj] = profiles('upgraded-fw');
  // Make IMCO look as the previous version left it: only the `<stack>.<path>` label, no value.
  const own = (emulator.snapshot().label ?? []).find((l) => ((obj.label_ids as string[]) ?? []).includes(String(l.id)))!;
  const legacy = await emulator.request('POST', '/labels', { body: { name: 'upgrade.web.fw', namespace: 'imco-cdktf' } });
  await emulator.request('POST', `/labels/${String(legacy.json.id)}/resources`, { body: { resources: [{ id: obj.id, resource_type: 'firewall_profile' }] } });
  await emulator.request('DELETE', `/labels/${String(own.id)}/resources/firewall_profile/${String(obj.id)}`);
  expect(profiles('upgraded-fw')[0].label_ids).toEqual([legacy.json.id]);

  // The upgrade: the first synth of the new version makes imco.identity.json (a new stack
  // instance, none of whose labels exists). The triggers are those of the previous version.
  const after = mkdtempSync(join(tmpdir(), 'imco-repo-new-'));
  synthInRepo(after, webFw('upgraded-fw', 'v1'), 'upgrade', stack.outdir);
  await terraformOk(stack.stackDir, ['plan', '-detailed-exitcode', '-no-color']);
  const report = await drift(stack);
  expect([report.code, report.out]).toEqual([0, expect.stringContaining('no drift: 1 objects in sync')]);

  synthInRepo(after, webFw('upgraded-fw', 'v2'), 'upgrade', stack.outdir);
  const applied = await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  expect(applied.stdout).not.toMatch(/terraform_data\.web_fw must be replaced|creating firewall profile/);
  expect(applied.stdout).toContain("moved from the ownership label 'upgrade.web.fw' of an earlier imco-cdktf version");
  const [moved] = profiles('upgraded-fw');
  expect([moved.id, moved.description]).toEqual([obj.id, 'v2']);
  const label = (emulator.snapshot().label ?? []).find((l) => l.id === (moved.label_ids as string[])[0])!;
  expect(label.value).toBe(`${instanceOf(after)} upgrade`);
  expect(moved.label_ids).toHaveLength(1);
  await terraformOk(stack.stackDir, ['destroy', '-auto-approve', '-no-color']);
  expect(profiles('upgraded-fw')).toHaveLength(0);
});
