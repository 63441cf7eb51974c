// The provider process killed mid-apply: while terraform applies the example estate (provider
// flavour), its terraform-provider-imco child is found (/proc: a child of terraform whose command
// line names the provider) and killed with SIGKILL after N write requests reached the emulator (3
// seeded points). Terraform itself lives on: it must end by itself with a clear error (the plugin
// did not respond / crashed, naming the resources in flight; no JavaScript stack trace), and the
// next apply must converge with every object exactly once — the creates in flight when the provider
// died are adopted by their ownership labels — with nothing left to plan. A destroy then leaves only
// the seeded platform.
import { readFileSync } from 'node:fs';
import { seededRandom } from '../../lib/emulator/prng';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { synthEstate, type SynthesizedEstate } from './support/estate';
import { diagnostics, providerChildren } from './support/provider-runs';
import { forbid, record, runSecrets, scratch } from './support/run';
import { summary } from './support/summary';
import { restoreLostLocalState, tf, tfOk, type TfResult } from './support/terraform';
import { convergence, leftovers } from './support/verify';

const SUITE = 'provider-killed';
const SEED = Number(process.env.IMCO_RELIABILITY_SEED ?? 20240611);
const POINTS = 3;
/** Terraform must notice the dead provider and end by itself within this long. */
const ENDS_WITHIN_MS = 60_000;

let emulator: TestEmulator;
let estate: SynthesizedEstate;

beforeAll(async () => {
  // Some latency, so that requests are in flight when the provider dies.
  emulator = await startTestEmulator({ dir: scratch(SUITE, 'emulator'), latencyMs: 20 });
  forbid([readFileSync(emulator.clientKey, 'utf8'), runSecrets().sshKeyPem]);
  estate = await synthEstate(emulator, SUITE, 'pkilled', 'provider');
  await tfOk(estate.stackDir, ['init', '-input=false', '-no-color'], { suite: SUITE, env: estate.env });
});

afterAll(async () => {
  await emulator?.stop();
});

/** Write requests (anything but GET, ownership labels left out) in the journal from the current end on. */
function writeCounter(): () => number {
  const lines = () => readFileSync(emulator.journalPath, 'utf8').split('\n').filter(Boolean);
  const mark = lines().length;
  return () =>
    lines()
      .slice(mark)
      .filter((l) => !l.includes('"method":"GET"') && !l.includes('"path":"/v2/labels"')).length;
}

/** Applies, killing terraform's provider child(ren) with SIGKILL once `point` writes were made; terraform is left alone. */
async function applyKillingProvider(args: string[], point: number): Promise<{ run: TfResult; killedProviders: number }> {
  const writes = writeCounter();
  let pid = 0;
  let killedProviders = 0;
  const poll = setInterval(() => {
    if (killedProviders > 0 || pid === 0 || writes() < point) return;
    for (const p of providerChildren(pid)) {
      process.kill(p, 'SIGKILL');
      killedProviders++;
    }
  }, 10);
  try {
    const run = await tf(estate.stackDir, args, { suite: SUITE, env: estate.env, onSpawn: (p) => (pid = p), maxMs: ENDS_WITHIN_MS });
    return { run, killedProviders };
  } finally {
    clearInterval(poll);
  }
}

/** Resources terraform reported starting (`Creating...`, …) and not finishing, from its progress lines. */
function inFlightResources(stdout: string): string[] {
  const started = new Set<string>();
  for (const line of stdout.split('\n')) {
    const m = /^(imco_\w+\.\S+): (Creating|Modifying|Destroying)\.\.\.$/.exec(line);
    if (m) started.add(m[1]);
    const done = /^(imco_\w+\.\S+): (Creation|Modifications|Destruction) complete/.exec(line);
    if (done) started.delete(done[1]);
  }
  return [...started].sort();
}

test('provider flavour: the provider killed mid-apply gives a clear Terraform error, and a re-apply converges', async () => {
  const apply = ['apply', '-auto-approve', '-input=false', '-no-color', '-parallelism=10'];
  const destroy = ['destroy', '-auto-approve', '-input=false', '-no-color', '-parallelism=10'];

  // Calibration: how many writes a whole apply makes (from empty), so the kill points fall inside it.
  const counter = writeCounter();
  await tfOk(estate.stackDir, apply, { suite: SUITE, env: estate.env });
  const applyWrites = counter();
  await tfOk(estate.stackDir, destroy, { suite: SUITE, env: estate.env });
  await emulator.settle();
  expect(leftovers(emulator)).toEqual([]);

  const random = seededRandom(SEED);
  const points = Array.from({ length: POINTS }, (_, i) => {
    const lo = Math.floor((i * (applyWrites - 1)) / POINTS) + 1;
    const hi = Math.max(lo, Math.floor(((i + 1) * (applyWrites - 1)) / POINTS));
    return lo + Math.floor(random() * (hi - lo + 1));
  });
  const cycles: Record<string, unknown>[] = [];

  // A kill that lands between two operations (none in flight: every create answered, the next not
  // yet called) cannot show the in-flight diagnostics; the cycle still must converge, and its
  // point is tried again, at most MISSES_ALLOWED times in all.
  const MISSES_ALLOWED = 3;
  let misses = 0;
  for (let i = 0; i < points.length; i++) {
    const point = points[i];
    const { run, killedProviders } = await applyKillingProvider(apply, point);
    const output = run.stdout + run.stderr;
    const printed = diagnostics(output);
    record(SUITE, 'errors.log', printed.map((d) => `${d.address ?? '(no address)'}: ${d.summary}`).join('\n'));
    expect({ cycle: i, killedProviders: killedProviders > 0, terraformEndedByItself: !run.killed, exit: run.code }).toEqual({
      cycle: i,
      killedProviders: true,
      terraformEndedByItself: true,
      exit: 1,
    });
    // A clear error: Terraform says its provider stopped answering the apply, once for each resource
    // that was in flight (Terraform's own diagnostic carries no address: its progress lines name them).
    const inFlight = inFlightResources(run.stdout);
    const missed = inFlight.length === 0;
    if (missed) {
      misses++;
      expect({ cycle: i, misses, printed: printed.length > 0 }).toEqual({ cycle: i, misses: Math.min(misses, MISSES_ALLOWED), printed: true });
      points.push(point);
    } else {
      // At least one diagnostic is Terraform's own for the dead plugin on an apply call ("Request
      // cancelled" when the call's connection broke before it was answered); a call begun just
      // after the kill can fail on the closed connection with another wording.
      const pluginDied = (d: (typeof printed)[number]) =>
        /^(Plugin did not respond|Request cancelled)$/.test(d.summary) && /ApplyResourceChange (call|request)/.test(d.lines.join(' '));
      // Each diagnostic is about the dead plugin (its text names the plugin or the broken call).
      expect({ cycle: i, notAboutThePlugin: printed.filter((d) => !/plugin|Request cancelled|connection/i.test(`${d.summary} ${d.lines.join(' ')}`)).map((d) => d.lines.join(' ')) }).toEqual({
        cycle: i,
        notAboutThePlugin: [],
      });
      expect(printed.some(pluginDied)).toBe(true);
    }
    expect(output).not.toMatch(/TypeError|ReferenceError|^\s+at .*\.js:\d+/m);
    const objectsAtKill = emulator.userObjects().length;
    const stateLost = restoreLostLocalState(estate.statePath);

    const reapply = await tfOk(estate.stackDir, apply, { suite: SUITE, env: estate.env });
    await emulator.settle();
    expect({ cycle: i, problems: convergence(emulator, estate.stackName, estate.declared).problems }).toEqual({ cycle: i, problems: [] });
    const plan = await tf(estate.stackDir, ['plan', '-detailed-exitcode', '-input=false', '-no-color'], { suite: SUITE, env: estate.env });
    expect({ cycle: i, plan: plan.code }).toEqual({ cycle: i, plan: 0 });

    await tfOk(estate.stackDir, destroy, { suite: SUITE, env: estate.env });
    await emulator.settle();
    expect({ cycle: i, left: leftovers(emulator) }).toEqual({ cycle: i, left: [] });
    cycles.push({
      killAfterWrites: point,
      objectsAtKill,
      stateLost,
      killedRunSeconds: Math.round(run.ms / 1000),
      inFlight,
      missed,
      error: printed[0]?.lines.join(' '),
      reapplySeconds: Math.round(reapply.ms / 1000),
    });
  }
  summary(SUITE, { seed: SEED, applyWrites, cycles });
});
