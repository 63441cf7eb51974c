// Hostile API answers, provider flavour: the hostile proxy of 05-hostile sits in front of the
// emulator and replaces chosen answers (HTML pages, truncated or mistyped JSON, errors with status
// 200, a slow-loris body, no answer at all). A real `terraform apply` of `imco_*` resources runs
// terraform-provider-imco through it: each hostile answer must become one error diagnostic per
// failed resource — a one-line summary naming the problem, the resource's address, no stack trace —
// and the run must end by itself within the objects' deadline (or recover on its own); then, with
// the proxy forwarding faithfully again, one re-apply converges with every object exactly once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { credentialEnv, type Declared } from './support/estate';
import { CASES, synthHostileStack } from './support/hostile-cases';
import { startHostileProxy, type HostileProxy } from './support/hostile-proxy';
import { diagnostics } from './support/provider-runs';
import { forbid, record, scratch } from './support/run';
import { summary } from './support/summary';
import { tf, tfOk } from './support/terraform';
import { convergence, leftovers } from './support/verify';

const SUITE = 'provider-hostile';
/** Every object's timeout (the `timeouts` block): the provider's deadline per operation. */
const DEADLINE_S = 8;
/**
 * The longest a hostile apply may take: two objects wait one after the other (VPC, then subnet),
 * each at most its deadline, plus terraform's own start, plan and provider starts.
 */
const WITHIN_MS = (2 * DEADLINE_S + 25) * 1000;

let emulator: TestEmulator;
let proxy: HostileProxy;
let env: Record<string, string>;
const stacks: { dir: string; name: string; declared: Declared[] }[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator({ dir: scratch(SUITE, 'emulator') });
  forbid([readFileSync(emulator.clientKey, 'utf8'), readFileSync(join(emulator.dir, 'certs', 'server.key'), 'utf8')]);
  proxy = await startHostileProxy(emulator);
  env = credentialEnv(emulator);
});

afterAll(async () => {
  await proxy?.close();
  await emulator?.stop();
});

const results: Record<string, unknown>[] = [];

describe.each(CASES.map((c, i) => ({ ...c, i })))('$name', ({ name, tamper, outcome, says, i }) => {
  test(outcome === 'error' ? 'provider flavour: one diagnostic per failed resource, with its address, in time; a re-apply repairs' : 'provider flavour: the provider recovers', async () => {
    const stackName = `phostile-${i}`;
    const stack = synthHostileStack(stackName, i, { suite: SUITE, emulator, endpoint: proxy.endpoint, env, deadlineSeconds: DEADLINE_S, flavour: 'provider' });
    stacks.push({ dir: stack.dir, name: stackName, declared: stack.declared });
    await tfOk(stack.dir, ['init', '-input=false', '-no-color'], { suite: SUITE, env });

    proxy.tamper(tamper);
    const hostile = await tf(stack.dir, ['apply', '-auto-approve', '-input=false', '-no-color'], { suite: SUITE, env, maxMs: 3 * WITHIN_MS });
    const tampered = proxy.tampered;
    proxy.pass();
    const output = hostile.stdout + hostile.stderr;
    const printed = diagnostics(output);
    record(SUITE, 'errors.log', printed.map((d) => `${d.address ?? '(no address)'}: ${d.summary}`).join('\n'));
    expect({ hung: hostile.killed }).toEqual({ hung: false });
    expect(tampered).toBeGreaterThan(0);
    expect(output).not.toMatch(/TypeError|ReferenceError|SyntaxError|Cannot read propert|is not a function|^\s+at .*\.js:\d+|Plugin did not respond|panic/m);
    if (outcome === 'error') {
      expect(hostile.code).not.toBe(0);
      expect(hostile.ms).toBeLessThan(WITHIN_MS);
      expect(printed.length).toBeGreaterThan(0);
      // Each diagnostic: a one-line summary, the address of the resource that failed, at most one line of advice.
      const shapes = printed.map((d) => ({
        address: /^imco_\w+\.\S+$/.test(d.address ?? '') ? 'imco_*' : d.address,
        oneLine: !d.summary.includes('\n') && d.summary.length < 600,
        extra: d.lines.filter((l) => !l.startsWith('Error: ') && !/^\s+(with |on |\d+: )/.test(l)).length <= 1,
      }));
      expect(shapes).toEqual(printed.map(() => ({ address: 'imco_*', oneLine: true, extra: true })));
      // One per failed resource.
      const addresses = printed.map((d) => d.address);
      expect(new Set(addresses).size).toBe(addresses.length);
      expect(printed.filter((d) => says!.test(d.summary))).not.toEqual([]);
    } else {
      expect(hostile.code).toBe(0);
    }

    const repaired = await tf(stack.dir, ['apply', '-auto-approve', '-input=false', '-no-color'], { suite: SUITE, env });
    expect({ code: repaired.code, err: repaired.code === 0 ? '' : repaired.stderr.slice(-2000) }).toEqual({ code: 0, err: '' });
    await emulator.settle();
    const state = convergence(emulator, stacks.map((s) => s.name), stacks.flatMap((s) => s.declared));
    expect(state.problems).toEqual([]);
    results.push({
      case: name,
      exit: hostile.code,
      seconds: Math.round(hostile.ms / 1000),
      diagnostics: printed.length,
      diagnostic: printed.map((d) => `${d.address}: ${d.summary}`).find((l) => !says || says.test(l)) ?? '',
    });
  });
});

test('provider flavour: every stack destroys cleanly through the proxy; nothing is left', async () => {
  proxy.pass();
  for (const s of stacks) await tfOk(s.dir, ['destroy', '-auto-approve', '-input=false', '-no-color'], { suite: SUITE, env });
  await emulator.settle();
  expect(leftovers(emulator)).toEqual([]);
  summary(SUITE, { deadlineSeconds: DEADLINE_S, cases: results });
});
