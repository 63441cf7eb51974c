// `imco-bridge drift` with several stacks in cdktf.out (issue 17 item 6): each stack is checked
// with its own endpoint, every message names its stack, a stack whose endpoint is refused does not
// stop the others (exit 1), `--stack NAME` checks one; drift lines name the construct path, the
// IMCO name and the id in text, JSON and markdown. Real emulator over mTLS, the real bin script.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FirewallProfile, Script } from '../../lib/constructs';
import { ImcoClient } from '../../lib/client';
import { apiOf } from '../../lib/handlers/client-api';
import { makeInvocationContext } from '../../lib/handlers/invocation-context';
import { runCreate } from '../../lib/handlers/reconcile';
import { readSynthesizedObjects } from '../../lib/handlers/stack-reader';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { synthStack } from '../support/stack';

jest.setTimeout(120_000);

const BRIDGE = join(__dirname, '..', '..', 'bin', 'imco-bridge.js');
let emulator: TestEmulator;
const outdir = mkdtempSync(join(tmpdir(), 'imco-drift-stacks-'));
let fwId = '';

beforeAll(async () => {
  emulator = await startTestEmulator();
  // Stack `shop` on the emulator, created by the handlers' own create flow; stack `edge` synthesized
  // for another endpoint, which the credentials do not reach.
  const shop = synthStack(emulator, (s) => {
    new FirewallProfile(s, 'fw', { name: 'shop-fw', description: 'declared' });
    new Script(s, 'job', { name: 'shop-job', code: 'true' });
  }, { stackName: 'shop', outdir });
  synthStack({ ...emulator, endpoint: 'https://127.0.0.1:9/v2' }, (s) => {
    new Script(s, 'other', { name: 'edge-job', code: 'true' });
  }, { stackName: 'edge', outdir });
  const client = new ImcoClient({ endpoint: emulator.endpoint, caCertPath: emulator.caCert, clientCertPath: emulator.clientCert, clientKeyPath: emulator.clientKey });
  try {
    for (const { spec } of readSynthesizedObjects(shop.stackDir)) await runCreate(makeInvocationContext(spec, apiOf(client), () => undefined));
  } finally {
    client.close();
  }
  const fw = (await emulator.request('GET', '/network/firewall_profiles')).json.find((p: { name: string }) => p.name === 'shop-fw');
  fwId = fw.id;
  expect((await emulator.request('PUT', `/network/firewall_profiles/${fwId}`, { body: { description: 'changed by hand' } })).status).toBe(200);
});
afterAll(async () => {
  await emulator?.dispose();
});

/** `imco-bridge drift ARGS` in the cdktf.out holding both stacks (async: the emulator runs in this process). */
function drift(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env, CONCERTO_ENDPOINT: emulator.endpoint, CONCERTO_CA_CERT: emulator.caCert, CONCERTO_CLIENT_CERT: emulator.clientCert, CONCERTO_CLIENT_KEY: emulator.clientKey };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BRIDGE, 'drift', ...args], { cwd: outdir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

test('plain drift checks every stack: the reachable one reports its drift, the refused one is named, exit 1', async () => {
  const r = await drift([]);
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 1, stderr: expect.stringMatching(/^imco-bridge drift: stack edge: /) });
  expect(r.stdout).toBe(
    ['drift in stack shop: 1 of 2 objects differ', `  fw (firewall_profile 'shop-fw' ${fwId}): drifted`, '    description: desired declared, live changed by hand', ''].join('\n'),
  );
  expect(r.stderr).toMatch(/^imco-bridge drift: stack edge: other was synthesized for https:\/\/127\.0\.0\.1:9\/v2 but the credentials point at /);
});

test('--stack NAME checks that stack only (exit 2 on its drift); JSON and markdown name path, IMCO name and id', async () => {
  const text = await drift(['--stack', 'shop']);
  expect({ status: text.status, stderr: text.stderr }).toEqual({ status: 2, stderr: '' });
  const json = await drift(['--stack', 'shop', '--format', 'json']);
  const report = JSON.parse(json.stdout) as { stack: string; objects: { path: string; kind: string; name: string; id: string; status: string }[] };
  expect(report.stack).toBe('shop');
  expect(report.objects.map(({ path, kind, name, id, status }) => ({ path, kind, name, id, status }))).toEqual([
    { path: 'fw', kind: 'firewall_profile', name: 'shop-fw', id: fwId, status: 'drifted' },
    { path: 'job', kind: 'script', name: 'shop-job', id: expect.stringMatching(/^[0-9a-f]{24}$/), status: 'in_sync' },
  ]);
  const markdown = await drift(['--stack', 'shop', '--format', 'markdown']);
  expect(markdown.stdout).toContain(`| \`fw\` | firewall_profile | shop-fw | ${fwId} | drifted | \`description\` | \`declared\` | \`changed by hand\` |`);
  expect((await drift(['--stack', 'nowhere'])).stderr).toBe(`imco-bridge drift: --stack 'nowhere' is neither a directory nor a stack under ${outdir}; stacks: edge, shop\n`);
});

test('several stacks in JSON: one document with every stack checked', async () => {
  const r = await drift(['--format', 'json']);
  expect(r.status).toBe(1);
  const doc = JSON.parse(r.stdout) as { stacks: { stack: string }[]; drifted: boolean };
  expect({ stacks: doc.stacks.map((s) => s.stack), drifted: doc.drifted }).toEqual({ stacks: ['shop'], drifted: true });
});
