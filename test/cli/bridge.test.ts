// imco-bridge's entry point with an explicit invocation: what a verb reads (environment, working
// directory) and writes comes from the invocation given, never from this process, so that the
// bridge server can run invocations with different environments at once.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Invocation } from '../../lib/handlers/invocation';
import { main } from '../../lib/cli/bridge';
import { VERBS } from '../../lib/cli/verbs';

function invocation(env: Record<string, string>, cwd: string): Invocation & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { env, cwd, out, err, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) };
}

test('two invocations at once each read their own environment and directory, and write to their own output', async () => {
  const root = mkdtempSync(join(tmpdir(), 'imco-bridge-main-'));
  const triggers = (stack: string) => JSON.stringify({ imco_prune: stack, imco_endpoint: 'https://imco.test/v2', imco_objects: '[]' });
  const a = invocation({ IMCO_BRIDGE_MARKERS: 'm', IMCO_BRIDGE_TRIGGERS: triggers('a') }, join(root));
  const b = invocation({ IMCO_BRIDGE_SPEC: JSON.stringify({ version: 1, path: 'web' }) }, root);
  const before = { ...process.env };
  const [codeA, codeB] = await Promise.all([main(['prune-record'], a), main(['create'], b)]);
  expect(codeA).toBe(0);
  expect(a.out.concat(a.err)).toEqual([]);
  const [marker] = readdirSync(join(root, 'm')).filter((n) => !n.startsWith('.'));
  expect(JSON.parse(readFileSync(join(root, 'm', marker), 'utf8')).objects).toEqual([]);
  expect(codeB).toBe(1);
  expect(b.err.join('')).toBe('imco-bridge create web: IMCO_BRIDGE_SPEC lacks kind/self/path: re-synthesize the stack\n');
  expect(process.env).toEqual(before);
});

test('--help lists every verb of the table that users run, and an unknown verb names itself', async () => {
  const inv = invocation({}, tmpdir());
  expect(await main(['--help'], inv)).toBe(0);
  const help = inv.out.join('');
  for (const row of VERBS) if (row.verb !== 'serve') expect(help).toContain(row.verb);
  expect(help).toContain('create | update | delete | action     run by Terraform provisioners (spec in the environment)');
  expect(help).toContain("prune | prune-record | sweep          run by the stack's prune and sweep resources");
  const wrong = invocation({}, tmpdir());
  expect(await main(['frobnicate'], wrong)).toBe(2);
  expect(wrong.err.join('')).toMatch(/^imco-bridge: unknown command 'frobnicate'\nusage: imco-bridge <command>/);
});
