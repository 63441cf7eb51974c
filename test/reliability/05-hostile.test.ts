// Hostile API answers: a proxy in front of the emulator replaces chosen answers with HTML error
// pages, a login page with status 200, truncated JSON (after the create happened), a body cut off
// mid-way, mistyped JSON, errors with status 200, a slow-loris body and no answer at all. A real
// `terraform apply` runs the real handlers through it: each must fail with one clear imco-bridge
// line (no stack trace, no TypeError) and end by itself within its deadline (the objects'
// timeoutSeconds), or recover on its own; then, with the proxy forwarding faithfully again, one
// re-apply converges with every object exactly once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { credentialEnv, type Declared } from './support/estate';
import { CASES, synthHostileStack } from './support/hostile-cases';
import { startHostileProxy, type HostileProxy } from './support/hostile-proxy';
import { forbid, record, scratch } from './support/run';
import { summary } from './support/summary';
import { tf, tfOk } from './support/terraform';
import { convergence, leftovers } from './support/verify';

const SUITE = 'hostile';
/** Every object's timeoutSeconds: the handler's deadline. */
const DEADLINE_S = 8;
/** A handler still running this long after its deadline is hung. */
const HUNG_MS = 90_000;

let emulator: TestEmulator;
let proxy: HostileProxy;
let env: Record<string, string>;
const stacks: { dir: string; name: string; declared: Declared[] }[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator({ dir: scratch(SUITE, 'emulator') });
  forbid([readFileSync(emulator.clientKey, 'utf8'), readFileSync(join(emulator.dir, 'certs', 'server.key'), 'utf8')]);
  proxy = await startHostileProxy(emulator);
  env = { ...credentialEnv(emulator), CONCERTO_ENDPOINT: proxy.endpoint, IMCO_BRIDGE_MARKERS: scratch(SUITE, 'markers'), IMCO_BRIDGE_DEBUG: '0' };
});

afterAll(async () => {
  await proxy?.close();
  await emulator?.stop();
});

/** A small stack (firewall profile, VPC with a subnet, script) of its own for each case, via the proxy. */
function synth(name: string): { dir: string; declared: Declared[] } {
  return synthHostileStack(name, stacks.length, { suite: SUITE, emulator, endpoint: proxy.endpoint, env, deadlineSeconds: DEADLINE_S, flavour: 'terraform_data' });
}

/** The imco-bridge error lines of a terraform run (terraform wraps them; unwrap first). */
function bridgeLines(text: string): string[] {
  const flat = text.replace(/\n(?=\S)/g, '\n').replace(/([^\n])\n(?! |\n|\w+(_\w+)*\.|Error|╷|│|╵)/g, '$1 ');
  return flat.split('\n').filter((l) => /imco-bridge (create|update|delete)\s\S+:/.test(l)).map((l) => l.replace(/^.*?(imco-bridge (create|update|delete))/, '$1').trim());
}

const results: Record<string, unknown>[] = [];

describe.each(CASES.map((c, i) => ({ ...c, i })))('$name', ({ name, tamper, outcome, says, i }) => {
  test(outcome === 'error' ? 'one clear handler error, the handler ends by itself, a re-apply repairs' : 'the handler recovers', async () => {
    const stackName = `hostile-${i}`;
    const stack = synth(stackName);
    stacks.push({ dir: stack.dir, name: stackName, declared: stack.declared });
    await tfOk(stack.dir, ['init', '-input=false', '-no-color'], { suite: SUITE, env });

    proxy.tamper(tamper);
    const hostile = await tf(stack.dir, ['apply', '-auto-approve', '-input=false', '-no-color'], { suite: SUITE, env, maxMs: HUNG_MS });
    const tampered = proxy.tampered;
    proxy.pass();
    const output = hostile.stdout + hostile.stderr;
    record(SUITE, 'errors.log', bridgeLines(output).join('\n'));
    expect({ hung: hostile.killed }).toEqual({ hung: false });
    expect(tampered).toBeGreaterThan(0);
    expect(output).not.toMatch(/TypeError|ReferenceError|SyntaxError|Cannot read propert|is not a function|^\s+at .*\.js:\d+/m);
    if (outcome === 'error') {
      expect(hostile.code).not.toBe(0);
      const lines = bridgeLines(output);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.filter((l) => says!.test(l))).not.toEqual([]);
    } else {
      expect(hostile.code).toBe(0);
    }

    const repaired = await tf(stack.dir, ['apply', '-auto-approve', '-input=false', '-no-color'], { suite: SUITE, env });
    expect({ code: repaired.code, err: repaired.code === 0 ? '' : repaired.stderr.slice(-2000) }).toEqual({ code: 0, err: '' });
    await emulator.settle();
    const state = convergence(emulator, stacks.map((s) => s.name), stacks.flatMap((s) => s.declared));
    expect(state.problems).toEqual([]);
    results.push({ case: name, exit: hostile.code, seconds: Math.round(hostile.ms / 1000), line: bridgeLines(output).find((l) => !says || says.test(l)) ?? '' });
  });
});

test('every stack destroys cleanly through the proxy; nothing is left', async () => {
  proxy.pass();
  for (const s of stacks) await tfOk(s.dir, ['destroy', '-auto-approve', '-input=false', '-no-color'], { suite: SUITE, env });
  await emulator.settle();
  expect(leftovers(emulator)).toEqual([]);
  summary(SUITE, { deadlineSeconds: DEADLINE_S, cases: results });
});
