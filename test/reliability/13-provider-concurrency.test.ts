// Concurrency, provider flavour: two pipelines apply the same stack of `imco_*` resources at the
// same time, with the state in Terraform's `pg` backend on a throw-away local PostgreSQL. Without
// -lock-timeout one of them fails on the state lock before its provider touches IMCO; with it, the
// second waits, then finds nothing left to do. Either way every object exists exactly once, an
// update keeps the object's id, and concurrent destroys leave only the seeded platform.
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { credentialEnv, type Declared } from './support/estate';
import { startPostgres, type PostgresCluster } from '../../bench/postgres';
import { forbid, record, runSecrets, scratch, secretEnv, suiteDir } from './support/run';
import { synthSharedStack, type Revision } from './support/shared-stack';
import { summary } from './support/summary';
import { tf, tfOk, type TfResult } from './support/terraform';
import { convergence, journalWrites, leftovers } from './support/verify';

const SUITE = 'provider-concurrency';
const STACK = 'pshared';

let emulator: TestEmulator;
let pg: PostgresCluster;
let env: Record<string, string>;

beforeAll(async () => {
  pg = await startPostgres();
  emulator = await startTestEmulator({ dir: scratch(SUITE, 'emulator'), latencyMs: 25 });
  forbid([readFileSync(emulator.clientKey, 'utf8'), runSecrets().sshKeyPem]);
  env = { ...credentialEnv(emulator), ...secretEnv() };
});

afterAll(async () => {
  try {
    await emulator?.stop();
  } finally {
    pg?.stop();
  }
});

const synth = (outdir: string, revision: Revision): Declared[] => synthSharedStack(outdir, STACK, revision, { emulator, connStr: pg.connStr, flavour: 'provider', env });
const stackDir = (outdir: string) => join(outdir, 'stacks', STACK);

/** Runs the same command in both checkouts at the same time. */
function both(dirs: readonly string[], args: readonly string[]): Promise<TfResult[]> {
  return Promise.all(dirs.map((d) => tf(stackDir(d), args, { suite: SUITE, env })));
}

/** Lines where terraform reports acting on an IMCO resource. */
const actions = (r: TfResult) => r.stdout.split('\n').filter((l) => /^imco_\w+\.\S+: (Creating|Modifying|Destroying)/.test(l));

function saveState(name: string): void {
  record(SUITE, name, pg.query('SELECT name, data FROM terraform_remote_state.states'));
}

async function journalLength(): Promise<number> {
  await emulator.flush();
  return readFileSync(emulator.journalPath, 'utf8').split('\n').filter(Boolean).length;
}

test('provider flavour: two applies of the same stack on a pg backend: one fails or waits on the state lock, no duplicates', async () => {
  const pipelines = [mkdtempSync(join(suiteDir(SUITE), 'pipeline-a-')), mkdtempSync(join(suiteDir(SUITE), 'pipeline-b-'))];
  let declared = pipelines.map((d) => synth(d, 1))[0];
  for (const d of pipelines) await tfOk(stackDir(d), ['init', '-input=false', '-no-color'], { suite: SUITE, env });

  // 1. No lock timeout: exactly one apply runs, the other fails on the lock and changes nothing.
  const first = await both(pipelines, ['apply', '-auto-approve', '-input=false', '-no-color', '-lock-timeout=0s']);
  const winners = first.filter((r) => r.code === 0);
  const losers = first.filter((r) => r.code !== 0);
  expect({ winners: winners.length, losers: losers.length }).toEqual({ winners: 1, losers: 1 });
  expect(losers[0].stderr).toContain('Error acquiring the state lock');
  expect(actions(losers[0])).toEqual([]);
  expect(winners[0].stdout).toMatch(/Apply complete! Resources: \d+ added, 0 changed, 0 destroyed/);
  await emulator.settle();
  expect(convergence(emulator, STACK, declared).problems).toEqual([]);
  // The state the loser sees now is complete: its plan is empty.
  const loserDir = pipelines[first.indexOf(losers[0])];
  const plan = await tf(stackDir(loserDir), ['plan', '-detailed-exitcode', '-input=false', '-no-color'], { suite: SUITE, env });
  expect(plan.code).toBe(0);

  // 2. With -lock-timeout: the second apply waits for the first, then has nothing left to do.
  declared = pipelines.map((d) => synth(d, 2))[0];
  const fw0 = emulator.snapshot().firewall_profile.find((p) => p.name === 'shared-fw-0')!;
  const mark = await journalLength();
  const second = await both(pipelines, ['apply', '-auto-approve', '-input=false', '-no-color', '-lock-timeout=300s']);
  expect(second.map((r) => r.code)).toEqual([0, 0]);
  const changed = second.filter((r) => !/No changes\.|0 added, 0 changed, 0 destroyed/.test(r.stdout));
  const idle = second.filter((r) => /No changes\.|0 added, 0 changed, 0 destroyed/.test(r.stdout));
  expect({ changed: changed.length, idle: idle.length }).toEqual({ changed: 1, idle: 1 });
  expect(changed[0].stdout).toContain('Apply complete! Resources: 1 added, 1 changed, 0 destroyed');
  // The idle one waited for the lock (terraform says so when the lock is not granted at once).
  expect(idle[0].stdout + idle[0].stderr).toContain('Acquiring state lock. This may take a few moments...');
  expect(actions(idle[0])).toEqual([]);
  await emulator.settle();
  expect(convergence(emulator, STACK, declared).problems).toEqual([]);
  const fw0After = emulator.snapshot().firewall_profile.find((p) => p.name === 'shared-fw-0')!;
  expect(fw0After.id).toBe(fw0.id);
  expect((fw0After.rules as unknown[]).length).toBe(2);
  // Both applies together wrote: the new profile (and its label) and one update of the changed one.
  await emulator.flush();
  const writes = journalWrites(readFileSync(emulator.journalPath, 'utf8'), mark).filter((w) => w.status < 300);
  expect(writes.filter((w) => w.method === 'PUT').map((w) => w.path)).toEqual([`/v2/network/firewall_profiles/${String(fw0.id)}`]);
  expect(writes.filter((w) => w.method === 'POST' && w.path === '/v2/network/firewall_profiles').length).toBe(1);
  saveState('pg-state-provider.txt');

  // 3. Concurrent destroys: one waits for the other; only the seeded platform is left.
  const destroyed = await both(pipelines, ['destroy', '-auto-approve', '-input=false', '-no-color', '-lock-timeout=300s']);
  expect(destroyed.map((r) => r.code)).toEqual([0, 0]);
  expect(destroyed.filter((r) => (r.stdout + r.stderr).includes('Acquiring state lock. This may take a few moments...')).length).toBe(1);
  expect(destroyed.filter((r) => actions(r).length > 0).length).toBe(1);
  await emulator.settle();
  expect(leftovers(emulator)).toEqual([]);
  saveState('pg-state-provider-after-destroy.txt');

  summary(SUITE, {
    postgres: pg.query('SHOW server_version').trim(),
    objects: declared.length,
    lockFailure: losers[0].stderr.split('\n').find((l) => /Error acquiring the state lock/.test(l))?.trim(),
    firstApplySeconds: Math.round(winners[0].ms / 1000),
    secondApplySeconds: second.map((r) => Math.round(r.ms / 1000)),
    destroySeconds: destroyed.map((r) => Math.round(r.ms / 1000)),
  });
});
