// Faults, provider flavour: the example estate (every kind, one `imco_<kind>` resource per object)
// applies through terraform-provider-imco against an emulator that answers 20 % of requests with
// 503, 10 % with 429 and drops 5 % of connections (half of them after acting), with a fixed seed.
// Applies are repeated (at most MAX_APPLIES) until one succeeds; then every object exists exactly
// once, every ownership label sits on exactly one object, nothing is orphaned, a no-op apply writes
// nothing, and a destroy under the same faults leaves only the seeded platform. Every run logs with
// TF_LOG=trace into the run directory and the plans are saved as plan files, so the final secret
// scan reads the provider's artefacts too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { synthEstate, type SynthesizedEstate } from './support/estate';
import { forbid, runSecrets, scratch, suiteDir } from './support/run';
import { summary } from './support/summary';
import { providerErrors, tfLogEnv, untilSuccess } from './support/provider-runs';
import { tfOk } from './support/terraform';
import { convergence, journalWrites, leftovers } from './support/verify';

const SUITE = 'provider-faults';
const FAULTS = '503:0.2,429:0.1,reset:0.05';
const SEED = Number(process.env.IMCO_RELIABILITY_SEED ?? 20240611);
const MAX_APPLIES = 4;

let emulator: TestEmulator;
let estate: SynthesizedEstate;

beforeAll(async () => {
  emulator = await startTestEmulator({ dir: scratch(SUITE, 'emulator'), faults: FAULTS, seed: SEED });
  forbid([readFileSync(emulator.clientKey, 'utf8'), runSecrets().sshKeyPem]);
});

afterAll(async () => {
  await emulator?.stop();
});

test('provider flavour: the example estate converges under 503/429/reset faults: every object once, no orphans, no-op writes nothing, destroy cleans up', async () => {
  estate = await synthEstate(emulator, SUITE, 'pfaulty', 'provider');
  const cdk = readFileSync(join(estate.stackDir, 'cdk.tf.json'), 'utf8');
  expect(Object.keys(JSON.parse(cdk).resource ?? {}).filter((t) => !t.startsWith('imco_'))).toEqual([]);
  const env = { ...estate.env, ...tfLogEnv(SUITE) };
  const run = (args: string[]) => untilSuccess(estate.stackDir, args, { suite: SUITE, env }, MAX_APPLIES);
  await tfOk(estate.stackDir, ['init', '-input=false', '-no-color'], { suite: SUITE, env });

  // A saved plan of every create (a plan file for the secret scan), then the applies.
  const planned = await run(['plan', '-input=false', '-no-color', `-out=${join(suiteDir(SUITE), 'create.tfplan')}`]);
  expect(planned[planned.length - 1].code).toBe(0);
  const applies = await run(['apply', '-auto-approve', '-input=false', '-no-color', '-parallelism=10']);
  const applied = applies[applies.length - 1];
  expect({ exit: applied.code, tail: applied.code === 0 ? '' : applied.stderr.slice(-3000) }).toEqual({ exit: 0, tail: '' });
  await emulator.settle();

  const state = convergence(emulator, estate.stackName, estate.declared);
  expect(state.problems).toEqual([]);
  expect(Object.keys(state.found).sort()).toEqual(estate.declared.map((d) => d.path).sort());
  expect(Object.values(state.labels).every((n) => n === 1)).toBe(true);
  expect(Object.keys(state.labels).length).toBe(estate.declared.filter((d) => d.owner).length);

  // The faults really happened, to writes too.
  await emulator.flush();
  const journal = readFileSync(emulator.journalPath, 'utf8');
  const entries = journal.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { method: string; fault?: string });
  const faults = (kind: string) => entries.filter((e) => e.fault?.startsWith(kind)).length;
  expect(faults('503')).toBeGreaterThan(0);
  expect(faults('429')).toBeGreaterThan(0);
  expect(faults('reset')).toBeGreaterThan(0);
  expect(entries.filter((e) => e.method === 'POST' && e.fault).length).toBeGreaterThan(0);

  // A no-op plan (saved: prior state and config in a plan file) and apply under the same faults write nothing.
  const mark = journal.split('\n').filter(Boolean).length;
  const noopPlans = await run(['plan', '-detailed-exitcode', '-input=false', '-no-color', `-out=${join(suiteDir(SUITE), 'noop.tfplan')}`]);
  expect(noopPlans[noopPlans.length - 1].code).toBe(0);
  const noops = await run(['apply', '-auto-approve', '-input=false', '-no-color']);
  expect(noops[noops.length - 1].stdout).toContain('0 added, 0 changed, 0 destroyed');
  await emulator.flush();
  expect(journalWrites(readFileSync(emulator.journalPath, 'utf8'), mark)).toEqual([]);

  const destroys = await run(['destroy', '-auto-approve', '-input=false', '-no-color', '-parallelism=10']);
  expect(destroys[destroys.length - 1].code).toBe(0);
  await emulator.settle();
  expect(leftovers(emulator)).toEqual([]);

  summary(SUITE, {
    seed: SEED,
    requests: entries.length,
    faults: { '503': faults('503'), '429': faults('429'), reset: faults('reset') },
    applies: applies.length,
    destroys: destroys.length,
    objects: estate.declared.length,
    applySeconds: applies.map((r) => Math.round(r.ms / 1000)),
    destroySeconds: destroys.map((r) => Math.round(r.ms / 1000)),
    failedRunErrors: providerErrors([...planned.slice(0, -1), ...applies.slice(0, -1), ...destroys.slice(0, -1)]).slice(0, 5),
  });
});
