// Crash: terraform is killed with SIGKILL at 5 seeded points of an apply of the example estate
// (after N write requests reached the emulator), alternately alone (its bridge server finishes the
// commands in flight, as when only terraform dies; the next run starts at once and must not race
// them) and with its whole process group (a runner that dies with every handler mid-request). The
// next apply must converge with every object exactly once and no orphan.
// Each cycle then kills a destroy the same way; the next destroy must leave only the seeded platform.
// The stack keeps Terraform's local state, which Terraform itself does not keep safe from SIGKILL: it
// rewrites the file in place, so a kill mid-rewrite leaves it empty and the next destroy sees no
// resources and runs no handler (the estate stays, whatever the handlers do). After each kill the test
// therefore does what Terraform's maintainers advise then: put `<state>.backup` (the snapshot the killed
// run started from) back. The next run then re-runs the handlers of every object in it, those the
// killed run had already deleted or created included, and must converge all the same.
import { readFileSync } from 'node:fs';
import { seededRandom } from '../../lib/emulator/prng';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { synthEstate, type SynthesizedEstate } from './support/estate';
import { forbid, record, runSecrets, scratch } from './support/run';
import { summary } from './support/summary';
import { restoreLostLocalState, tf, tfOk, type KillMode } from './support/terraform';
import { convergence, leftovers } from './support/verify';

const SUITE = 'crash';
const SEED = Number(process.env.IMCO_RELIABILITY_SEED ?? 20240611);
const CYCLES = 5;

let emulator: TestEmulator;
let estate: SynthesizedEstate;

beforeAll(async () => {
  emulator = await startTestEmulator({ dir: scratch(SUITE, 'emulator') });
  forbid([readFileSync(emulator.clientKey, 'utf8'), runSecrets().sshKeyPem]);
  estate = await synthEstate(emulator, SUITE, 'crashy');
  await tfOk(estate.stackDir, ['init', '-input=false', '-no-color'], { suite: SUITE, env: estate.env });
});

afterAll(async () => {
  await emulator?.stop();
});

/** Counts write requests (anything but GET) in the emulator's journal from the current end on. */
function writeCounter(): () => number {
  const lines = () => readFileSync(emulator.journalPath, 'utf8').split('\n').filter(Boolean);
  const mark = lines().length;
  return () =>
    lines()
      .slice(mark)
      .filter((l) => !l.includes('"method":"GET"')).length;
}

/** One kill point per stratum of [1, max], so the points spread over the whole run. */
function killPoints(random: () => number, max: number): number[] {
  return Array.from({ length: CYCLES }, (_, i) => {
    const lo = Math.floor((i * max) / CYCLES) + 1;
    const hi = Math.max(lo, Math.floor(((i + 1) * max) / CYCLES));
    return lo + Math.floor(random() * (hi - lo + 1));
  });
}

/** After a killed run: restores the local state if the kill cost Terraform its state file (noted in the log). */
function stateLostAt(what: string): boolean {
  const lost = restoreLostLocalState(estate.statePath);
  if (lost) record(SUITE, 'terraform.log', `# the ${what} left ${estate.statePath} damaged (Terraform rewrites it in place); restored its .backup\n`);
  return lost;
}

test('kill -9 at 5 seeded points of an apply and of a destroy: the next run converges, no duplicates, no orphans', async () => {
  const apply = ['apply', '-auto-approve', '-input=false', '-no-color', '-parallelism=10'];
  const destroy = ['destroy', '-auto-approve', '-input=false', '-no-color', '-parallelism=10'];

  // Calibration: an uninterrupted apply and destroy measure how many writes each makes once the
  // ownership labels exist (they outlive a destroy), so the kill points fall inside the runs.
  const warmup = await tfOk(estate.stackDir, apply, { suite: SUITE, env: estate.env });
  expect(convergence(emulator, estate.stackName, estate.declared).problems).toEqual([]);
  await tfOk(estate.stackDir, destroy, { suite: SUITE, env: estate.env });
  await emulator.settle();
  expect(leftovers(emulator)).toEqual([]);
  let counter = writeCounter();
  const calibrated = await tfOk(estate.stackDir, apply, { suite: SUITE, env: estate.env });
  const applyWrites = counter();
  counter = writeCounter();
  await tfOk(estate.stackDir, destroy, { suite: SUITE, env: estate.env });
  const destroyWrites = counter();
  await emulator.settle();
  expect(leftovers(emulator)).toEqual([]);

  const random = seededRandom(SEED);
  const applyPoints = killPoints(random, applyWrites - 1);
  const destroyPoints = killPoints(random, destroyWrites - 1);
  const modes: KillMode[] = Array.from({ length: CYCLES }, () => (random() < 0.5 ? 'terraform' : 'group'));
  const cycles: Record<string, unknown>[] = [];

  for (let i = 0; i < CYCLES; i++) {
    const writes = writeCounter();
    const killedApply = await tf(estate.stackDir, apply, { suite: SUITE, env: estate.env, killWhen: () => writes() >= applyPoints[i], killMode: modes[i] });
    expect({ cycle: i, killed: killedApply.killed }).toEqual({ cycle: i, killed: true });
    const writesAtKill = writes();
    const before = emulator.userObjects().length;
    const stateLostAtApplyKill = stateLostAt(`apply killed in cycle ${i}`);

    const reapply = await tfOk(estate.stackDir, apply, { suite: SUITE, env: estate.env });
    await emulator.settle();
    const state = convergence(emulator, estate.stackName, estate.declared);
    expect({ cycle: i, problems: state.problems }).toEqual({ cycle: i, problems: [] });
    // The state matches the platform: nothing more to do.
    const plan = await tf(estate.stackDir, ['plan', '-detailed-exitcode', '-input=false', '-no-color'], { suite: SUITE, env: estate.env });
    expect({ cycle: i, plan: plan.code }).toEqual({ cycle: i, plan: 0 });

    const deletes = writeCounter();
    const killedDestroy = await tf(estate.stackDir, destroy, { suite: SUITE, env: estate.env, killWhen: () => deletes() >= destroyPoints[i], killMode: modes[i] });
    expect({ cycle: i, killed: killedDestroy.killed }).toEqual({ cycle: i, killed: true });
    const remainingAtKill = emulator.userObjects().length;
    const stateLostAtDestroyKill = stateLostAt(`destroy killed in cycle ${i}`);
    const redestroy = await tfOk(estate.stackDir, destroy, { suite: SUITE, env: estate.env });
    await emulator.settle();
    expect({ cycle: i, left: leftovers(emulator) }).toEqual({ cycle: i, left: [] });
    const waited = (r: { stdout: string }) => r.stdout.includes('waiting for the commands an interrupted terraform run left in flight');

    cycles.push({
      mode: modes[i],
      applyKillAfterWrites: applyPoints[i],
      writesAtKill,
      objectsAtKill: before,
      stateLostAtApplyKill,
      reapplySeconds: Math.round(reapply.ms / 1000),
      destroyKillAfterWrites: destroyPoints[i],
      objectsLeftAtDestroyKill: remainingAtKill,
      stateLostAtDestroyKill,
      // Whether the next run's bridge server waited for commands the killed run left in flight.
      reapplyWaitedForInterrupted: waited(reapply),
      redestroyWaitedForInterrupted: waited(redestroy),
    });
  }
  summary(SUITE, {
    seed: SEED,
    applyWrites,
    destroyWrites,
    firstApplySeconds: Math.round(warmup.ms / 1000),
    applySeconds: Math.round(calibrated.ms / 1000),
    cycles,
  });
});
