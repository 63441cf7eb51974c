// Crash, provider flavour: terraform is killed with SIGKILL at 5 seeded points of an apply of the
// example estate (after N write requests reached the emulator), and then of a destroy. The kill is
// seeded to be either of the whole process group (terraform and its terraform-provider-imco child
// die at once, mid-request) or of terraform alone (the provider is left running: it sees
// Terraform's connection go and must end by itself within ORPHAN_EXIT_MS; the next run starts at
// once, without waiting for it). The next apply must converge with every object exactly once and no
// orphan — a create whose answer was lost is adopted by its ownership label — and the next destroy
// must leave only the seeded platform. As in 02-crash, a local state file that Terraform's in-place
// rewrite left damaged is replaced with its `.backup` (what Terraform's maintainers advise).
import { readFileSync } from 'node:fs';
import { seededRandom } from '../../lib/emulator/prng';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { synthEstate, type SynthesizedEstate } from './support/estate';
import { providerChildren } from './support/provider-runs';
import { forbid, record, runSecrets, scratch } from './support/run';
import { summary } from './support/summary';
import { restoreLostLocalState, tf, tfOk, type KillMode } from './support/terraform';
import { convergence, leftovers } from './support/verify';

const SUITE = 'provider-crash';
const SEED = Number(process.env.IMCO_RELIABILITY_SEED ?? 20240611);
const CYCLES = 5;
/** A provider left behind by a killed terraform must be gone this long after the kill. */
const ORPHAN_EXIT_MS = 15_000;

let emulator: TestEmulator;
let estate: SynthesizedEstate;

beforeAll(async () => {
  emulator = await startTestEmulator({ dir: scratch(SUITE, 'emulator') });
  forbid([readFileSync(emulator.clientKey, 'utf8'), runSecrets().sshKeyPem]);
  estate = await synthEstate(emulator, SUITE, 'pcrashy', 'provider');
  await tfOk(estate.stackDir, ['init', '-input=false', '-no-color'], { suite: SUITE, env: estate.env });
});

afterAll(async () => {
  await emulator?.stop();
});

/**
 * Counts write requests (anything but GET) in the emulator's journal from the current end on,
 * leaving out ownership labels (created once by the first apply; they outlive a destroy).
 */
function writeCounter(): () => number {
  const lines = () => readFileSync(emulator.journalPath, 'utf8').split('\n').filter(Boolean);
  const mark = lines().length;
  return () =>
    lines()
      .slice(mark)
      .filter((l) => !l.includes('"method":"GET"') && !l.includes('"path":"/v2/labels"')).length;
}

/** One kill point per stratum of [1, max], so the points spread over the whole run. */
function killPoints(random: () => number, max: number): number[] {
  return Array.from({ length: CYCLES }, (_, i) => {
    const lo = Math.floor((i * max) / CYCLES) + 1;
    const hi = Math.max(lo, Math.floor(((i + 1) * max) / CYCLES));
    return lo + Math.floor(random() * (hi - lo + 1));
  });
}

/** Whether process `pid` still runs (a zombie — killed, its parent gone too — does not). */
const alive = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0] !== 'Z';
  } catch {
    return false;
  }
};

/** Waits until none of `pids` is running (bounded); returns those still running. */
async function gone(pids: readonly number[], maxMs: number): Promise<number[]> {
  const until = Date.now() + maxMs;
  while (pids.some(alive) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  return pids.filter(alive);
}

interface Killed {
  readonly killed: boolean;
  /** Provider processes of the killed terraform, and which of them were still running right after the kill. */
  readonly providers: number;
  readonly leftRunning: number;
  readonly stateLost: boolean;
}

/** Runs `args`, killing it (mode `mode`) once `writes()` reaches `point`; checks what it left running. */
async function killAt(args: string[], point: number, mode: KillMode, what: string): Promise<Killed> {
  const writes = writeCounter();
  let pid = 0;
  let providers: number[] = [];
  const r = await tf(estate.stackDir, args, {
    suite: SUITE,
    env: estate.env,
    killMode: mode,
    onSpawn: (p) => (pid = p),
    killWhen: () => {
      if (writes() < point) return false;
      providers = providerChildren(pid);
      return true;
    },
  });
  const leftRunning = providers.filter(alive);
  const stateLost = restoreLostLocalState(estate.statePath);
  if (stateLost) record(SUITE, 'terraform.log', `# the ${what} left ${estate.statePath} damaged (Terraform rewrites it in place); restored its .backup\n`);
  // The next run does not wait for these: the check of their ending runs beside it.
  orphanChecks.push(gone(leftRunning, ORPHAN_EXIT_MS));
  return { killed: r.killed, providers: providers.length, leftRunning: leftRunning.length, stateLost };
}

/** Checks that the providers left running by a kill ended by themselves (each: those still running). */
const orphanChecks: Promise<number[]>[] = [];

test('provider flavour: kill -9 at 5 seeded points of an apply and of a destroy (group or terraform alone): the next run converges, no duplicates, no orphans', async () => {
  const apply = ['apply', '-auto-approve', '-input=false', '-no-color', '-parallelism=10'];
  const destroy = ['destroy', '-auto-approve', '-input=false', '-no-color', '-parallelism=10'];

  // Calibration: an uninterrupted apply and destroy measure how many writes each makes, so the kill points fall inside the runs.
  let counter = writeCounter();
  const calibrated = await tfOk(estate.stackDir, apply, { suite: SUITE, env: estate.env });
  const applyWrites = counter();
  await emulator.settle();
  expect(convergence(emulator, estate.stackName, estate.declared).problems).toEqual([]);
  counter = writeCounter();
  const calibratedDestroy = await tfOk(estate.stackDir, destroy, { suite: SUITE, env: estate.env });
  const destroyWrites = counter();
  await emulator.settle();
  expect(leftovers(emulator)).toEqual([]);

  const random = seededRandom(SEED);
  const applyPoints = killPoints(random, applyWrites - 1);
  const destroyPoints = killPoints(random, destroyWrites - 1);
  // Both kinds of kill, alternating from a seeded first one.
  const first: KillMode = random() < 0.5 ? 'group' : 'terraform';
  const modes: KillMode[] = Array.from({ length: CYCLES }, (_, i) => (i % 2 === 0 ? first : first === 'group' ? 'terraform' : 'group'));
  const cycles: Record<string, unknown>[] = [];

  for (let i = 0; i < CYCLES; i++) {
    const killedApply = await killAt(apply, applyPoints[i], modes[i], `apply killed in cycle ${i}`);
    expect({ cycle: i, killed: killedApply.killed, providers: killedApply.providers > 0 }).toEqual({ cycle: i, killed: true, providers: true });
    if (modes[i] === 'group') expect({ cycle: i, leftRunning: killedApply.leftRunning }).toEqual({ cycle: i, leftRunning: 0 });
    const objectsAtKill = emulator.userObjects().length;

    const reapply = await tfOk(estate.stackDir, apply, { suite: SUITE, env: estate.env });
    await emulator.settle();
    expect({ cycle: i, problems: convergence(emulator, estate.stackName, estate.declared).problems }).toEqual({ cycle: i, problems: [] });
    const plan = await tf(estate.stackDir, ['plan', '-detailed-exitcode', '-input=false', '-no-color'], { suite: SUITE, env: estate.env });
    expect({ cycle: i, plan: plan.code }).toEqual({ cycle: i, plan: 0 });

    const killedDestroy = await killAt(destroy, destroyPoints[i], modes[i], `destroy killed in cycle ${i}`);
    expect({ cycle: i, killed: killedDestroy.killed }).toEqual({ cycle: i, killed: true });
    const objectsLeftAtDestroyKill = emulator.userObjects().length;
    const redestroy = await tfOk(estate.stackDir, destroy, { suite: SUITE, env: estate.env });
    await emulator.settle();
    expect({ cycle: i, left: leftovers(emulator) }).toEqual({ cycle: i, left: [] });

    cycles.push({
      mode: modes[i],
      applyKillAfterWrites: applyPoints[i],
      objectsAtKill,
      providersRunningAfterApplyKill: killedApply.leftRunning,
      stateLostAtApplyKill: killedApply.stateLost,
      reapplySeconds: Math.round(reapply.ms / 1000),
      destroyKillAfterWrites: destroyPoints[i],
      objectsLeftAtDestroyKill,
      providersRunningAfterDestroyKill: killedDestroy.leftRunning,
      stateLostAtDestroyKill: killedDestroy.stateLost,
      redestroySeconds: Math.round(redestroy.ms / 1000),
    });
  }
  // Every provider a killed terraform left running ended by itself.
  const orphans = (await Promise.all(orphanChecks)).flat();
  expect(orphans).toEqual([]);
  summary(SUITE, {
    seed: SEED,
    applyWrites,
    destroyWrites,
    applySeconds: Math.round(calibrated.ms / 1000),
    destroySeconds: Math.round(calibratedDestroy.ms / 1000),
    cycles,
  });
});
