// `npm run bench`: the benchmark harness (not jest). Measures synth of 1000 mixed objects, imco-bridge
// start-up, a 100-profile terraform apply against its in-process client baseline, a no-op re-apply,
// the API calls of a 200-object drift check and the emulator's list throughput; prints a Markdown
// table and writes bench/results.json. Emulators run in this process on 127.0.0.1; synth, the
// baseline and the load generator run in child processes so that each measures only itself.
// The provider section measures terraform-provider-imco beside them in the same run (apply, no-op
// plan, start-up, memory) against the provisioner apply and Terraform's bare floor.
// Options: --only=synth,handler,apply,provider,drift,rps (a subset, for development), --keep (keep temp dirs);
// --only=provider-apply [--provider-bundles=before=FILE,after]: the provider apply and its floor alone.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { secretFingerprint } from '../lib/spec/fingerprint';
import { endpoint as endpointSpec } from '../lib/catalog';
import { readSynthesizedObjects } from '../lib/handlers/stack-reader';
import type { BaselineJob, BaselineReport } from './baseline-child';
import { credentialEnv, journalMark, journalSince, seedsOf, startBenchEmulator, targetOf, type BenchEmulator, type JournalLine } from './emulators';
import { BENCH_SECRET_ENV, prepareFixtures, stackDirOf } from './fixtures';
import type { LoadJob, LoadReport } from './load-child';
import { machineInfo, machineLine, type MachineInfo } from './machine';
import { postgresBinDir, startPostgres } from './postgres';
import { watchProviderRss, type ProviderRss } from './provider-rss';
import { kindsPlusParents, replacePluginBundle } from './provider-stack';
import { measureProviderStartup, measureSchemaStarts, type SchemaStart } from './provider-startup';
import { expectExit, median, percentile, removeTerraformEnv, round, terraform, timedRun } from './proc';
import type { StackJob } from './stacks';
import type { ServedJob, ServedReport } from './served-child';
import type { SynthReport } from './synth-child';

const ROOT = resolve(__dirname, '..', '..');
const BRIDGE = join(ROOT, 'bin', 'imco-bridge.js');
const BRIDGE_CLIENT = join(ROOT, 'bin', 'imco-bridge.sh');
const RESULTS = join(ROOT, 'bench', 'results.json');
const PROVIDER_BUNDLE = join(ROOT, 'dist', 'provider', 'terraform-provider-imco.js');

const SYNTH_OBJECTS = 1000;
const SYNTH_RUNS = 3;
const HANDLER_RUNS = 25;
const APPLY_OBJECTS = 100;
const APPLY_LATENCY_MS = 20;
/** A second latency for the apply and its baseline, closer to a remote IMCO's. */
const SLOW_LATENCY_MS = 100;
const PARALLELISM = 10;
const APPLY_ARGS = ['apply', '-auto-approve', '-input=false', '-no-color', `-parallelism=${PARALLELISM}`];
const BASELINE_RUNS = 3;
/** Applies per apply figure (each of a fresh stack on a fresh emulator); the figure is their median. */
const APPLY_RUNS = 3;
const DRIFT_OBJECTS = 200;
const LOAD_CLIENTS = 50;
const LOAD_MS = 5000;
/** Provider starts timed for `provider_start_ms` (each paired with a bare `node -e 0`). */
const PROVIDER_START_RUNS = 21;
/** Whole schema-only provider starts timed for `provider_schema_start_ms`. */
const SCHEMA_START_RUNS = 7;

type Section = 'synth' | 'handler' | 'apply' | 'provider' | 'provider-apply' | 'drift' | 'rps';
const SECTIONS: readonly Section[] = ['synth', 'handler', 'apply', 'provider', 'drift', 'rps'];

interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** `<= 150`, `= 0`, … */
  readonly target?: string;
  readonly holds?: boolean;
  readonly note: string;
}

const figures: Figure[] = [];
const details: Record<string, unknown> = {};
const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);

function figure(name: string, value: number, unit: string, note: string, target?: { op: '<=' | '='; limit: number }): void {
  const holds = target ? (target.op === '<=' ? value <= target.limit : value === target.limit) : undefined;
  figures.push({ name, value, unit, note, ...(target ? { target: `${target.op} ${target.limit}`, holds } : {}) });
  say(`${name} = ${value} ${unit}${target ? ` (target ${target.op} ${target.limit}: ${holds ? 'holds' : 'MISSED'})` : ''}`);
}

/** Runs a child entry of dist/bench with a job file; returns its one-line JSON report. */
async function child<R>(entry: string, job: unknown, work: string, opts: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<{ report: R; ms: number }> {
  const file = join(work, `${entry}-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(job));
  const r = expectExit(entry, await timedRun(process.execPath, [join(__dirname, `${entry}.js`), file], { env: opts.env, timeoutMs: opts.timeoutMs ?? 120_000 }));
  return { report: JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as R, ms: r.ms };
}

async function synthStack(job: StackJob, work: string): Promise<{ report: SynthReport; ms: number }> {
  return child<SynthReport>('synth-child', job, work, { timeoutMs: 180_000 });
}

// ------------------------------------------------------------------ synth

async function benchSynth(work: string): Promise<void> {
  const emulator = await startBenchEmulator();
  try {
    const runs: { report: SynthReport; ms: number }[] = [];
    for (let i = 0; i < SYNTH_RUNS; i++) {
      const job: StackJob = {
        shape: 'mixed', count: SYNTH_OBJECTS, outdir: join(work, `synth-${i}`), stackName: 'bench', target: targetOf(emulator), seeds: seedsOf(emulator), work,
      };
      runs.push(await synthStack(job, work));
      say(`synth run ${i + 1}: ${round(runs[i].ms / 1000)} s wall, peak RSS ${round(runs[i].report.max_rss_mb, 1)} MB`);
    }
    const walls = runs.map((r) => r.ms / 1000);
    const mid = runs[walls.indexOf([...walls].sort((a, b) => a - b)[Math.floor(walls.length / 2)])];
    figure('synth_1000_s', round(median(walls)), 's', `node process start to exit, ${SYNTH_OBJECTS} objects of 13 kinds (${mid.report.resources} Terraform resources); median of ${SYNTH_RUNS}`, { op: '<=', limit: 10 });
    figure('synth_1000_rss_mb', round(Math.max(...runs.map((r) => r.report.max_rss_mb)), 1), 'MB', 'peak RSS (maxRSS) of the synth process, highest of the runs');
    details.synth = {
      runs_s: walls.map((w) => round(w)),
      phases_ms: { load: round(mid.report.load_ms), construct: round(mid.report.construct_ms), synth: round(mid.report.synth_ms) },
      objects_by_kind: mid.report.by_kind,
      // Each secret's fingerprint is a deliberately slow scrypt (lib/spec/fingerprint.ts).
      secrets_fingerprinted: (mid.report.by_kind.vpn ?? 0) + (mid.report.by_kind.ssh_profile ?? 0) + (mid.report.by_kind.saas_account ?? 0),
      scrypt_ms_per_secret: round(scryptCostMs(), 1),
      resources: mid.report.resources,
      cdk_tf_json_mb: round(mid.report.cdk_tf_json_mb),
    };
  } finally {
    await emulator.dispose();
  }
}

/** Median time of one secret fingerprint of a new secret (one scrypt derivation) in this process. */
function scryptCostMs(): number {
  const ms: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = process.hrtime.bigint();
    secretFingerprint(`benchmark-secret-${i}`, 'bench.owner', `bench-${i}`); // distinct secrets: no cached derivation
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(ms);
}

// ------------------------------------------------------------------ handler start-up

async function timeRuns(runs: number, args: readonly string[], env: Record<string, string> = {}, expect: readonly number[] = [0]): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push(expectExit(`node ${args.join(' ')}`, await timedRun(process.execPath, args, { env, timeoutMs: 30_000 }), expect).ms);
  return ms;
}

function summary(ms: readonly number[]): Record<string, number> {
  return { median_ms: round(median(ms), 1), p90_ms: round(percentile(ms, 90), 1), min_ms: round(Math.min(...ms), 1), runs: ms.length };
}

/**
 * One imco-bridge invocation doing no API work, process start to exit, as provisioners run it
 * (`sh bin/imco-bridge.sh`, served by the run's bridge server) and as a process of its own.
 */
async function benchHandlerStartup(work: string): Promise<void> {
  await timeRuns(3, [BRIDGE, '--help']); // warm the file system cache
  const node = await timeRuns(HANDLER_RUNS, ['-e', '0']);
  const help = await timeRuns(HANDLER_RUNS, [BRIDGE, '--help']);
  const served = await child<ServedReport>('served-child', {
    client: BRIDGE_CLIENT,
    runs: HANDLER_RUNS,
    env: {
      IMCO_BRIDGE_MARKERS: join(work, 'served-markers'),
      IMCO_BRIDGE_TRIGGERS: JSON.stringify({ imco_prune: 'bench', imco_endpoint: 'https://imco.bench/v2', imco_objects: '[]' }),
    },
  } satisfies ServedJob, work);
  figure('handler_overhead_ms', round(median(served.report.ms), 1), 'ms',
    `median wall time of one \`imco-bridge prune-record\` (no API work) as a provisioner runs it (\`sh bin/imco-bridge.sh\`, served by the run's bridge server), spawn to exit, ${HANDLER_RUNS} runs; the first, which starts the server: ${round(served.report.first_ms, 1)} ms`,
    { op: '<=', limit: 150 });
  figure('handler_overhead_direct_ms', round(median(help), 1), 'ms', `median wall time of \`node bin/imco-bridge.js --help\` (a process of its own, as with IMCO_BRIDGE_SERVER=0), ${HANDLER_RUNS} runs; bare \`node -e 0\`: ${round(median(node), 1)} ms`);
  details.handler = { served: summary(served.report.ms), served_first_ms: round(served.report.first_ms, 1), help: summary(help), node_e_0: summary(node) };
}

/** The module files a Node process loaded (a preloaded hook lists require.cache at exit). */
async function modulesLoaded(work: string, args: readonly string[], env: Record<string, string>): Promise<string[]> {
  const hook = join(work, 'list-modules.js');
  const out = join(work, 'modules.json');
  writeFileSync(hook, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(Object.keys(require.cache))));\n`);
  expectExit(`node ${args.join(' ')}`, await timedRun(process.execPath, ['-r', hook, ...args], { env, timeoutMs: 30_000 }));
  return (JSON.parse(readFileSync(out, 'utf8')) as string[]).filter((m) => m !== hook);
}

/** No-op update and delete of the applied profile stack, with the API work they do (latency 0). */
async function benchHandlerNoop(emulator: BenchEmulator, stackDir: string, work: string): Promise<void> {
  emulator.setLatency(0);
  const spec = readSynthesizedObjects(stackDir).map((o) => o.spec).find((s) => s.path === 'fw-0');
  if (!spec) throw new Error('fw-0 is not in the synthesized stack');
  const env = credentialEnv(targetOf(emulator));
  const mark = await journalMark(emulator);
  const update = await timeRuns(20, [BRIDGE, 'update'], { ...env, IMCO_BRIDGE_SPEC: JSON.stringify(spec) });
  const afterUpdate = await journalSince(emulator, mark);
  const triggers = {
    imco_kind: 'firewall_profile',
    imco_stack: 'bench-absent',
    imco_path: 'fw',
    imco_endpoint: emulator.endpoint,
    imco_self: JSON.stringify({ kind: 'firewall_profile', owner: 'bench-absent.fw', path: 'fw' }),
    imco_timeout: '60',
  };
  const del = await timeRuns(20, [BRIDGE, 'delete'], { ...env, IMCO_BRIDGE_TRIGGERS: JSON.stringify(triggers) });
  const afterDelete = (await journalSince(emulator, mark)).slice(afterUpdate.length);
  const modules = await modulesLoaded(work, [BRIDGE, 'update'], { ...env, IMCO_BRIDGE_SPEC: JSON.stringify(spec) });
  const heavy = modules.filter((m) => /node_modules\/(cdktf|constructs|typescript|@cdktf)\//.test(m));
  if (heavy.length > 0) throw new Error(`imco-bridge update loaded ${heavy.length} cdktf/constructs/TypeScript modules, e.g. ${heavy[0]}`);
  const writes = [...afterUpdate, ...afterDelete].filter((l) => l.method !== 'GET').length;
  if (writes > 0) throw new Error(`the no-op update/delete runs made ${writes} write requests`);
  figure('handler_noop_update_ms', round(median(update), 1), 'ms', `median of 20 \`imco-bridge update\` of an in-sync profile (${afterUpdate.length / 20} GETs each, emulator latency 0)`);
  figure('handler_noop_delete_ms', round(median(del), 1), 'ms', `median of 20 \`imco-bridge delete\` of an object already gone (${afterDelete.length / 20} GET each, emulator latency 0)`);
  details.handler_noop = {
    update: { ...summary(update), api_calls_per_run: afterUpdate.length / 20 },
    delete: { ...summary(del), api_calls_per_run: afterDelete.length / 20 },
    modules_loaded_by_update: modules.length,
    packages_loaded_by_update: [...new Set(modules.map((m) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(m)?.[1]).filter(Boolean))].sort(),
  };
}

// ------------------------------------------------------------------ apply, no-op apply, baseline

function countBy(lines: readonly { method: string; path: string }[], key: (l: { method: string; path: string }) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of lines) out[key(l)] = (out[key(l)] ?? 0) + 1;
  return out;
}

/** `/v2/network/firewall_profiles/12` → `GET /network/firewall_profiles/{id}`. */
const shape = (l: { method: string; path: string }) => `${l.method} ${l.path.replace(/^\/v[23]/, '').replace(/\?.*$/, '').replace(/\/[0-9a-f]{6,}(?=\/|$)/g, '/{id}').replace(/\/\d+(?=\/|$)/g, '/{id}')}`;

async function benchApply(work: string, withHandlerNoop: boolean): Promise<void> {
  let firstApplyS = 0;
  let firstApplyCalls = 0;
  let resources = 0;
  const emulator = await startBenchEmulator({ latencyMs: APPLY_LATENCY_MS });
  try {
    const job: StackJob = { shape: 'firewall', count: APPLY_OBJECTS, outdir: join(work, 'apply'), stackName: 'bench', target: targetOf(emulator), work };
    await synthStack(job, work);
    const dir = stackDirOf(job);
    resources = terraformResourceCount(dir);
    const init = await terraform(dir, ['init', '-input=false', '-no-color']);
    let mark = await journalMark(emulator);
    const apply = await terraform(dir, APPLY_ARGS, {}, 400_000);
    const applied = await journalSince(emulator, mark);
    const profiles = emulator.userObjects().filter((o) => o.kind === 'firewall_profile').length;
    if (profiles !== APPLY_OBJECTS) throw new Error(`the apply left ${profiles} firewall profiles, expected ${APPLY_OBJECTS}`);
    firstApplyS = round(apply.ms / 1000);
    firstApplyCalls = applied.length;

    mark = await journalMark(emulator);
    const noop = await terraform(dir, APPLY_ARGS);
    const reapplied = await journalSince(emulator, mark);
    const writes = reapplied.filter((l) => l.method !== 'GET');
    figure('noop_apply_writes', writes.length, 'requests', `non-GET requests in the emulator journal while re-applying the ${APPLY_OBJECTS}-profile stack`, { op: '=', limit: 0 });
    figure('noop_apply_s', round(noop.ms / 1000), 's', `re-apply of the unchanged stack (${reapplied.length} API calls)`);
    details.apply = {
      init_s: round(init.ms / 1000),
      api_calls: applied.length,
      api_calls_by_request: countBy(applied, shape),
      noop_api_calls: reapplied.length,
      noop_summary: /Apply complete! Resources: [^\n]*/.exec(noop.stdout)?.[0] ?? '',
    };
    if (withHandlerNoop) await benchHandlerNoop(emulator, dir, work);
  } finally {
    await emulator.dispose();
  }
  // This first apply also served the no-op re-apply; the others are fresh applies of their own.
  const more = await timedApplies(work, 'bench', { latencyMs: APPLY_LATENCY_MS }, APPLY_RUNS - 1);
  const applies = [firstApplyS, ...more.runs];
  const apply = round(median(applies));
  figure('apply_100_s', apply, 's', `\`terraform apply -parallelism=${PARALLELISM}\` creating ${APPLY_OBJECTS} firewall profiles (${firstApplyCalls} API calls), emulator latency ${APPLY_LATENCY_MS} ms; median of ${applies.length} (${applies.join(', ')} s)`);
  await benchApplyFloors(work);

  const baseline = await baselineSeconds(work, APPLY_LATENCY_MS, 'baseline_100_s');
  figure('apply_ratio', round(apply / baseline), '×', 'apply_100_s / baseline_100_s', { op: '<=', limit: 2 });
  await benchBareTerraform(work, resources, baseline);
  await benchApplyPg(work, baseline);
  await benchApplyLatency(work, SLOW_LATENCY_MS);
}

interface ApplyOptions {
  readonly latencyMs: number;
  readonly pgConnStr?: string;
  readonly bridgeCommand?: string;
  readonly flavour?: StackJob['flavour'];
  /** Poll the peak RSS of the provider processes terraform starts during the apply. */
  readonly watchProvider?: boolean;
  /** Runs after the apply, before the emulator stops (e.g. a no-op plan of the applied stack). */
  readonly after?: (dir: string, emulator: BenchEmulator) => Promise<void>;
  /** Provider flavour: this bundle instead of dist/'s, copied over the stack's plugin before init (A/B runs). */
  readonly bundle?: string;
  /** Extra environment of terraform and so of its provider (e.g. NODE_OPTIONS=--cpu-prof). */
  readonly env?: Readonly<Record<string, string>>;
}

interface AppliedStack {
  readonly s: number;
  readonly calls: number;
  readonly byRequest: Record<string, number>;
  readonly rss?: ProviderRss;
}

/**
 * One `terraform apply` of a fresh 100-profile stack against a fresh emulator: its wall time and
 * the API calls it made. With the real bridge command, checks that it left exactly 100 profiles.
 */
async function timedApply(work: string, name: string, opts: ApplyOptions): Promise<AppliedStack> {
  const emulator = await startBenchEmulator({ latencyMs: opts.latencyMs });
  try {
    const job: StackJob = {
      shape: 'firewall', count: APPLY_OBJECTS, outdir: join(work, name), stackName: name, target: targetOf(emulator), work,
      ...(opts.bridgeCommand ? { bridgeCommand: opts.bridgeCommand } : {}),
      ...(opts.pgConnStr ? { pgConnStr: opts.pgConnStr } : {}),
      ...(opts.flavour ? { flavour: opts.flavour } : {}),
    };
    await synthStack(job, work);
    const dir = stackDirOf(job);
    if (opts.bundle) replacePluginBundle(dir, opts.bundle);
    await terraform(dir, ['init', '-input=false', '-no-color']);
    const mark = await journalMark(emulator);
    let watch: ReturnType<typeof watchProviderRss> | undefined;
    const apply = await terraform(dir, APPLY_ARGS, opts.env ?? {}, 400_000, opts.watchProvider ? (pid) => (watch = watchProviderRss(pid)) : undefined);
    const rss = watch?.stop();
    const lines = await journalSince(emulator, mark);
    const profiles = emulator.userObjects().filter((o) => o.kind === 'firewall_profile').length;
    if (!opts.bridgeCommand && profiles !== APPLY_OBJECTS) throw new Error(`the ${name} apply left ${profiles} firewall profiles, expected ${APPLY_OBJECTS}`);
    await opts.after?.(dir, emulator);
    return { s: round(apply.ms / 1000), calls: lines.length, byRequest: countBy(lines, shape), ...(rss ? { rss } : {}) };
  } finally {
    await emulator.dispose();
  }
}

/** `runs` timed applies (stacks `<name>1`, `<name>2`, …): their seconds, their median and the API calls of the first. */
async function timedApplies(work: string, name: string, opts: ApplyOptions, runs = APPLY_RUNS): Promise<{ runs: number[]; median: number; calls: number; applied: AppliedStack[] }> {
  const results: AppliedStack[] = [];
  for (let i = 1; i <= runs; i++) results.push(await timedApply(work, `${name}${i}`, i === 1 ? opts : { ...opts, after: undefined }));
  const seconds = results.map((r) => r.s);
  return { runs: seconds, median: seconds.length ? round(median(seconds)) : NaN, calls: results[0]?.calls ?? 0, applied: results };
}

/** The client baseline at `latencyMs`: median of BASELINE_RUNS runs, reported as figure `name`. */
async function baselineSeconds(work: string, latencyMs: number, name: string): Promise<number> {
  const base = await startBenchEmulator({ latencyMs });
  try {
    const runs: BaselineReport[] = [];
    for (let i = 0; i < BASELINE_RUNS; i++) {
      const job: BaselineJob = { target: targetOf(base), count: APPLY_OBJECTS, concurrency: PARALLELISM, stack: `${name.replace(/_/g, '')}${i}` };
      const { report } = await child<BaselineReport>('baseline-child', job, work);
      if (report.created !== APPLY_OBJECTS) throw new Error(`baseline run ${i} created ${report.created} profiles`);
      runs.push(report);
    }
    const seconds = median(runs.map((r) => r.seconds));
    figure(name, round(seconds, 3), 's', `the same ${APPLY_OBJECTS} creates (label, then profile with label_ids: ${runs[0].requests} requests) from one in-process ImcoClient, concurrency ${PARALLELISM}, latency ${latencyMs} ms; median of ${BASELINE_RUNS}`);
    details[name] = { runs_s: runs.map((r) => round(r.seconds, 3)) };
    return seconds;
  } finally {
    await base.dispose();
  }
}

/**
 * What the same apply costs without imco-bridge: provisioners that run `true` (Terraform and the
 * shell alone) and `node -e 0` (plus one bare Node start per provisioner). Informative.
 */
async function benchApplyFloors(work: string): Promise<void> {
  const terraformFloor = await timedApplies(work, 'floorterraform', { latencyMs: APPLY_LATENCY_MS, bridgeCommand: 'true' });
  const nodeFloor = await timedApplies(work, 'floornode', { latencyMs: APPLY_LATENCY_MS, bridgeCommand: 'node -e 0' }, 1);
  const floors = { terraform: terraformFloor.median, node: nodeFloor.median };
  figure('apply_100_floor_terraform_s', floors.terraform, 's', `the same apply with every provisioner running \`true\`: Terraform and the shell alone; median of ${APPLY_RUNS} (${terraformFloor.runs.join(', ')} s)`);
  figure('apply_100_floor_node_s', floors.node, 's', `the same apply with every provisioner running \`node -e 0\`: one bare Node start per provisioner (one run)`);
  const apply = figures.find((f) => f.name === 'apply_100_s')?.value;
  if (apply !== undefined) {
    figure('apply_100_bridge_s', round(apply - floors.terraform), 's', 'apply_100_s − apply_100_floor_terraform_s: what the provisioners\' work (bridge client and server, API calls) adds to Terraform\'s own');
  }
}

/** The Terraform resources a synthesized stack declares. */
function terraformResourceCount(dir: string): number {
  const config = JSON.parse(readFileSync(join(dir, 'cdk.tf.json'), 'utf8')) as { resource?: Record<string, Record<string, unknown>> };
  return Object.values(config.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
}

/** Applies of a stack of `count` bare `terraform_data` resources (no provisioners, local state): seconds of each and their median. */
async function bareApplies(work: string, count: number, times = APPLY_RUNS, tag = ''): Promise<{ runs: number[]; median: number }> {
  const runs: number[] = [];
  for (let i = 1; i <= times; i++) {
    const dir = join(work, `bare${count}${tag}-${i}`);
    mkdirSync(dir, { recursive: true });
    const resources = Object.fromEntries(Array.from({ length: count }, (_, n) => [`r${n}`, { input: `bare-${n}` }]));
    const config = { terraform: { backend: { local: { path: join(dir, 'terraform.tfstate') } } }, resource: { terraform_data: resources } };
    writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(config));
    await terraform(dir, ['init', '-input=false', '-no-color']);
    runs.push(round((await terraform(dir, APPLY_ARGS)).ms / 1000));
  }
  return { runs, median: round(median(runs)) };
}

/**
 * Terraform's own share, with nothing of ours in it: the apply of as many bare `terraform_data`
 * resources as the 100-profile stack has (no provisioners, no API, local state), and of one
 * resource per profile. Its ratio to the baseline is the lowest `apply_ratio` any handler could
 * reach with that many resources on this machine. Informative.
 */
async function benchBareTerraform(work: string, resources: number, baseline: number): Promise<void> {
  const same = await bareApplies(work, resources);
  const onePerObject = await bareApplies(work, APPLY_OBJECTS);
  figure('apply_bare_terraform_s', same.median, 's', `\`terraform apply -parallelism=${PARALLELISM}\` of ${resources} bare \`terraform_data\` resources (as many as the ${APPLY_OBJECTS}-profile stack has), no provisioners, local state; median of ${APPLY_RUNS} (${same.runs.join(', ')} s)`);
  figure('apply_bare_one_per_object_s', onePerObject.median, 's', `the same with ${APPLY_OBJECTS} bare resources (one per profile); median of ${APPLY_RUNS} (${onePerObject.runs.join(', ')} s)`);
  figure('apply_ratio_bare', round(same.median / baseline), '×', 'apply_bare_terraform_s / baseline_100_s: the lowest apply_ratio a handler that costs nothing could reach with this many resources');
}

/**
 * The same apply with its state in PostgreSQL, the remote backend design §7 runs at scale with.
 * Terraform's local backend rewrites its whole state file after every resource; a remote backend
 * keeps intermediate state in memory. Informative; skipped (saying so) without PostgreSQL.
 */
async function benchApplyPg(work: string, baseline: number): Promise<void> {
  if (!postgresBinDir()) {
    say('apply on a pg backend skipped: no PostgreSQL server binaries (Debian: apt-get install -y postgresql)');
    details.apply_pg = { skipped: 'no PostgreSQL server binaries' };
    return;
  }
  const pg = await startPostgres();
  try {
    const real = await timedApplies(work, 'benchpg', { latencyMs: APPLY_LATENCY_MS, pgConnStr: pg.connStr });
    const floor = await timedApplies(work, 'floorpg', { latencyMs: APPLY_LATENCY_MS, pgConnStr: pg.connStr, bridgeCommand: 'true' });
    figure('apply_100_pg_s', real.median, 's', `apply_100_s with the state in a local PostgreSQL (\`pg\` backend, fsync off; ${real.calls} API calls); median of ${APPLY_RUNS} (${real.runs.join(', ')} s)`);
    figure('apply_100_pg_floor_terraform_s', floor.median, 's', `the same pg-backend apply with every provisioner running \`true\`: Terraform and the shell alone; median of ${APPLY_RUNS} (${floor.runs.join(', ')} s)`);
    figure('apply_ratio_pg', round(real.median / baseline), '×', 'apply_100_pg_s / baseline_100_s');
  } finally {
    pg.stop();
  }
}

/**
 * The apply and its baseline at a latency closer to a remote IMCO's: Terraform's and the bridge's
 * CPU weigh less against the round trips. Informative.
 */
async function benchApplyLatency(work: string, latencyMs: number): Promise<void> {
  const real = await timedApplies(work, `bench${latencyMs}ms`, { latencyMs });
  figure(`apply_100_at_${latencyMs}ms_s`, real.median, 's', `apply_100_s at emulator latency ${latencyMs} ms (${real.calls} API calls); median of ${APPLY_RUNS} (${real.runs.join(', ')} s)`);
  const baseline = await baselineSeconds(work, latencyMs, `baseline_100_at_${latencyMs}ms_s`);
  figure(`apply_ratio_at_${latencyMs}ms`, round(real.median / baseline), '×', `apply_100_at_${latencyMs}ms_s / baseline_100_at_${latencyMs}ms_s`);
}

// ------------------------------------------------------------------ provider flavour, side by side

const figureValue = (name: string): number | undefined => figures.find((f) => f.name === name)?.value;

/**
 * terraform-provider-imco against the provisioner apply and Terraform's bare floor of the same run:
 * the 100-profile apply (median of APPLY_RUNS fresh applies, with the provider processes' peak RSS),
 * a no-op plan of the first applied stack (its refresh's API calls), and the start-up to the
 * handshake line. Measures the two comparison figures itself when the apply section did not run.
 */
async function benchProvider(work: string): Promise<void> {
  const provisioner = figureValue('apply_100_s') ?? (await provisionerApplyHere(work));
  const floor = figureValue('apply_bare_one_per_object_s') ?? (await bareFloorHere(work));
  let noop: NoopPlan | undefined;
  const applies = await timedApplies(work, 'provider', {
    latencyMs: APPLY_LATENCY_MS,
    flavour: 'provider',
    watchProvider: true,
    after: async (dir, emulator) => {
      noop = await noopPlan(dir, emulator);
    },
  });
  const apply = applies.median;
  figure('apply_provider_100_s', apply, 's', `\`terraform apply -parallelism=${PARALLELISM}\` creating ${APPLY_OBJECTS} firewall profiles with the provider flavour (${APPLY_OBJECTS} \`imco_firewall_profile\`, ${applies.calls} API calls), emulator latency ${APPLY_LATENCY_MS} ms; median of ${APPLY_RUNS} fresh applies (${applies.runs.join(', ')} s)`);
  figure('apply_provider_ratio_floor', round(apply / floor), '×', `apply_provider_100_s / apply_bare_one_per_object_s (${floor} s: ${APPLY_OBJECTS} bare \`terraform_data\`, this run)`, { op: '<=', limit: 2.5 });
  figure('apply_provider_vs_provisioner', round(apply / provisioner), '×', `apply_provider_100_s / apply_100_s (${provisioner} s: the terraform_data flavour with provisioners, this run)`, { op: '<=', limit: 0.5 });
  if (!noop) throw new Error('the no-op plan of the provider stack did not run');
  figure('noop_plan_provider_s', noop.s, 's', `\`terraform plan\` of the applied ${APPLY_OBJECTS}-profile provider stack, unchanged (refresh included; exit 0, no changes)`);
  figure('noop_plan_provider_calls', noop.calls.length, 'calls', `API calls (journal lines) of that plan's refresh; kinds + parents of the stack: ${noop.kindsPlusParents}, target 2 × that`, { op: '<=', limit: 2 * noop.kindsPlusParents });
  const rss = applies.applied.map((a) => a.rss).filter((r): r is ProviderRss => r !== undefined);
  const peak = Math.max(0, ...rss.map((r) => r.peakMb));
  if (peak === 0) throw new Error('no terraform-provider-imco process was seen during the provider applies');
  figure('provider_rss_mb', round(peak, 1), 'MB', `peak RSS (VmHWM, /proc polled every 25 ms) of the provider processes terraform started during the ${APPLY_RUNS} applies (${rss.map((r) => r.processes).join(', ')} processes per apply)`);
  await benchProviderStartup();
  details.provider = {
    apply_runs_s: applies.runs,
    api_calls: applies.calls,
    api_calls_by_request: applies.applied[0]?.byRequest,
    rss_mb_per_process: rss.map((r) => r.peaksMb),
    provider_cpu_s_per_apply: rss.map((r) => r.cpuS),
    provider_cpu_s_per_process: rss.map((r) => r.cpuPerProcessS),
    terraform_cpu_s_per_apply: rss.map((r) => r.parentCpuS),
    noop_plan: { kinds_plus_parents: noop.kindsPlusParents, calls_by_request: countBy(noop.calls, shape), summary: noop.summary },
  };
}

/** apply_100_s when the apply section did not run (`--only=provider`): the ratios need it from this run. */
async function provisionerApplyHere(work: string): Promise<number> {
  const r = await timedApplies(work, 'bench', { latencyMs: APPLY_LATENCY_MS });
  figure('apply_100_s', r.median, 's', `\`terraform apply -parallelism=${PARALLELISM}\` creating ${APPLY_OBJECTS} firewall profiles with the terraform_data flavour (${r.calls} API calls), emulator latency ${APPLY_LATENCY_MS} ms; median of ${APPLY_RUNS} (${r.runs.join(', ')} s)`);
  return r.median;
}

/** apply_bare_one_per_object_s when the apply section did not run. */
async function bareFloorHere(work: string): Promise<number> {
  const r = await bareApplies(work, APPLY_OBJECTS);
  figure('apply_bare_one_per_object_s', r.median, 's', `\`terraform apply -parallelism=${PARALLELISM}\` of ${APPLY_OBJECTS} bare \`terraform_data\` resources, no provisioners, local state; median of ${APPLY_RUNS} (${r.runs.join(', ')} s)`);
  return r.median;
}

/**
 * `--only=provider-apply`: only the provider apply and its floor (100 bare `terraform_data`), for
 * comparing changes to the provider on a shared machine. `--provider-bundles=before=FILE,after`
 * compares bundles (a bare name is dist/'s) in the same run: each repetition applies the floor
 * once, then each bundle once, so load changes hit all alike. `BENCH_PROVIDER_NODE_OPTIONS` is
 * handed to the providers (e.g. `--cpu-prof --cpu-prof-dir=DIR`).
 */
async function benchProviderApplyOnly(work: string, bundleArg: string | undefined): Promise<void> {
  const bundles = (bundleArg ?? 'dist').split(',').map((b) => {
    const [label, file] = b.includes('=') ? b.split('=', 2) : [b, PROVIDER_BUNDLE];
    return { label, file: resolve(file) };
  });
  const nodeOptions = process.env.BENCH_PROVIDER_NODE_OPTIONS;
  const env = nodeOptions ? { NODE_OPTIONS: nodeOptions } : undefined;
  const floor: number[] = [];
  const applies = new Map<string, AppliedStack[]>(bundles.map((b) => [b.label, []]));
  for (let i = 1; i <= APPLY_RUNS; i++) {
    floor.push((await bareApplies(work, APPLY_OBJECTS, 1, `-${i}`)).runs[0]);
    for (const b of bundles) {
      const applied = await timedApply(work, `provider-${b.label}-${i}`, { latencyMs: APPLY_LATENCY_MS, flavour: 'provider', watchProvider: true, bundle: b.file, env });
      applies.get(b.label)!.push(applied);
      say(`${b.label} run ${i}: ${applied.s} s, ${applied.calls} API calls, provider CPU ${applied.rss?.cpuS ?? '?'} s`);
    }
  }
  const base = round(median(floor));
  figure('apply_bare_one_per_object_s', base, 's', `${APPLY_OBJECTS} bare \`terraform_data\`, local state; median of ${APPLY_RUNS} (${floor.join(', ')} s), interleaved with the provider applies`);
  for (const b of bundles) {
    const runs = applies.get(b.label)!;
    const s = round(median(runs.map((r) => r.s)));
    const suffix = bundles.length > 1 ? `_${b.label}` : '';
    figure(`apply_provider_100_s${suffix}`, s, 's', `${b.file}: ${runs.map((r) => r.s).join(', ')} s; ${runs[0].calls} API calls (${JSON.stringify(runs[0].byRequest)}); provider CPU ${runs.map((r) => r.rss?.cpuS).join(', ')} s`);
    figure(`apply_provider_ratio_floor${suffix}`, round(s / base), '×', `apply_provider_100_s${suffix} / apply_bare_one_per_object_s`, { op: '<=', limit: 2.5 });
  }
}

interface NoopPlan {
  readonly s: number;
  readonly calls: JournalLine[];
  readonly kindsPlusParents: number;
  readonly summary: string;
}

/** `terraform plan` of an applied, unchanged stack: exit 0 (no changes) and no write, or it fails. */
async function noopPlan(dir: string, emulator: BenchEmulator): Promise<NoopPlan> {
  await emulator.settle();
  const mark = await journalMark(emulator);
  const plan = await terraform(dir, ['plan', '-input=false', '-no-color', '-detailed-exitcode', `-parallelism=${PARALLELISM}`]);
  const calls = await journalSince(emulator, mark);
  const writes = calls.filter((l) => l.method !== 'GET');
  if (writes.length > 0) throw new Error(`the no-op plan of the provider stack made ${writes.length} write requests`);
  const config = JSON.parse(readFileSync(join(dir, 'cdk.tf.json'), 'utf8')) as { resource?: Record<string, Record<string, Record<string, unknown>>> };
  return { s: round(plan.ms / 1000), calls, kindsPlusParents: kindsPlusParents(config), summary: /No changes[^\n]*/.exec(plan.stdout)?.[0] ?? '' };
}

/** Runs `measure` `runs` times, alternating its two configurations, and returns both series. */
async function alternate<T>(runs: number, measure: (cache: boolean) => Promise<T[]>): Promise<{ cached: T[]; uncached: T[] }> {
  const cached: T[] = [];
  const uncached: T[] = [];
  for (let i = 0; i < runs; i++) {
    cached.push(...(await measure(true)));
    uncached.push(...(await measure(false)));
  }
  return { cached, uncached };
}

/**
 * provider_start_ms: spawn → handshake line of the bundle, each run paired with a bare `node -e 0`;
 * provider_schema_start_ms: a whole schema-only start (handshake, mutual TLS, GetProviderSchema,
 * Shutdown), as Terraform makes 3 to 5 per command. Both with the bundle's code cache, alternated
 * with runs that turn it off (IMCO_PROVIDER_CODE_CACHE=0), so its effect is measured in this run.
 */
async function benchProviderStartup(): Promise<void> {
  const off = { IMCO_PROVIDER_CODE_CACHE: '0' };
  await measureSchemaStarts(PROVIDER_BUNDLE, 2); // warms the file system cache; writes the code cache if there is none
  const line = await alternate(PROVIDER_START_RUNS, async (cache) => [await measureProviderStartup(PROVIDER_BUNDLE, 1, cache ? {} : off)]);
  const provider = line.cached.flatMap((r) => r.provider);
  const bare = line.cached.flatMap((r) => r.bare);
  const own = line.cached.flatMap((r) => r.own);
  const uncached = line.uncached.flatMap((r) => r.provider);
  figure('provider_start_ms', round(median(provider), 1), 'ms', `median spawn → handshake line of dist/provider/terraform-provider-imco.js with go-plugin's environment (AutoMTLS), ${PROVIDER_START_RUNS} runs, each paired with a bare \`node -e 0\` (median ${round(median(bare), 1)} ms)`, { op: '<=', limit: 150 });
  figure('provider_start_own_ms', round(median(own), 1), 'ms', 'median of (provider start − the paired `node -e 0`): what the provider adds to a bare Node start');
  figure('provider_start_no_code_cache_ms', round(median(uncached), 1), 'ms', `informative: provider_start_ms with the code cache off (IMCO_PROVIDER_CODE_CACHE=0), ${PROVIDER_START_RUNS} runs alternated with those of provider_start_ms`);
  const schema = await alternate(SCHEMA_START_RUNS, async (cache) => measureSchemaStarts(PROVIDER_BUNDLE, 1, cache ? {} : off));
  const at = (xs: SchemaStart[], k: keyof SchemaStart) => round(median(xs.map((x) => x[k])), 1);
  figure('provider_schema_start_ms', at(schema.cached, 'schema'), 'ms', `informative: median spawn → GetProviderSchema answered over a new mutual-TLS connection, ${SCHEMA_START_RUNS} runs (exit after Shutdown: ${at(schema.cached, 'exit')} ms); code cache off: ${at(schema.uncached, 'schema')} ms (exit ${at(schema.uncached, 'exit')} ms), alternated`);
  details.provider_start = {
    provider: summary(provider),
    node_e_0: summary(bare),
    own: summary(own),
    no_code_cache: summary(uncached),
    schema_start: { answered: summary(schema.cached.map((x) => x.schema)), exit: summary(schema.cached.map((x) => x.exit)) },
    schema_start_no_code_cache: { answered: summary(schema.uncached.map((x) => x.schema)), exit: summary(schema.uncached.map((x) => x.exit)) },
  };
}

// ------------------------------------------------------------------ drift

async function benchDrift(work: string): Promise<void> {
  const emulator = await startBenchEmulator();
  try {
    const job: StackJob = { shape: 'mixed', count: DRIFT_OBJECTS, outdir: join(work, 'drift'), stackName: 'drift', target: targetOf(emulator), seeds: seedsOf(emulator), work };
    await synthStack(job, work);
    const dir = stackDirOf(job);
    await terraform(dir, ['init', '-input=false', '-no-color']);
    const apply = await terraform(dir, APPLY_ARGS, {}, 400_000);
    await emulator.settle();
    const mark = await journalMark(emulator);
    const drift = expectExit(
      'imco-bridge drift',
      await timedRun(process.execPath, [BRIDGE, 'drift', '--stack', dir, '--format', 'json'], { env: credentialEnv(targetOf(emulator)), timeoutMs: 120_000 }),
      [0, 2],
    );
    const calls = await journalSince(emulator, mark);
    const report = JSON.parse(drift.stdout) as { objects: { status: string }[] };
    figure('drift_200_calls', calls.length, 'calls', `API calls (journal lines) of \`imco-bridge drift\` on an applied ${DRIFT_OBJECTS}-object mixed stack (${report.objects.length} objects reported, exit ${String(drift.code)})`);
    details.drift = {
      apply_s: round(apply.ms / 1000),
      drift_s: round(drift.ms / 1000),
      exit_code: drift.code,
      statuses: countBy(report.objects.map((o) => ({ method: o.status, path: '' })), (l) => l.method),
      calls_by_request: countBy(calls, shape),
    };
  } finally {
    await emulator.dispose();
  }
}

// ------------------------------------------------------------------ emulator throughput

async function benchRps(work: string): Promise<void> {
  const emulator = await startBenchEmulator();
  try {
    const paths = ['firewall_profile.list', 'ssh_profile.list', 'cloud_provider.list', 'generic_image.list', 'cloud_account.list', 'label.list'].map((op) => endpointSpec(op).path);
    const job: LoadJob = { target: targetOf(emulator), clients: LOAD_CLIENTS, warmupMs: 500, durationMs: LOAD_MS, paths };
    const { report } = await child<LoadReport>('load-child', job, work, { timeoutMs: 60_000 });
    figure('emulator_rps', Math.round(report.rps), 'req/s', `GET lists (${paths.length} seeded kinds in turn), ${LOAD_CLIENTS} concurrent keep-alive mTLS clients in one child process, ${LOAD_MS / 1000} s window; p50 ${round(report.p50_ms, 1)} ms, p99 ${round(report.p99_ms, 1)} ms, ${report.errors} errors`);
    details.emulator_rps = report;
  } finally {
    await emulator.dispose();
  }
}

// ------------------------------------------------------------------ output

function table(machine: MachineInfo, date: string): string {
  const m = machineLine(machine);
  const rows = figures.map((f) => `| \`${f.name}\` | ${f.value} ${f.unit} | ${f.target ?? '—'} | ${f.holds === undefined ? '—' : f.holds ? 'yes' : '**no**'} | ${m} | ${f.note} |`);
  return [
    `### imco-cdktf benchmark — ${date}`,
    '',
    `Machine: ${m}, ${machine.cpu}, ${machine.memory_gb} GB, ${machine.platform}; load average at start ${machine.load_average_1m}.`,
    '',
    '| figure | value | target | holds | machine | how |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',') as Section[] | undefined;
  const keep = process.argv.includes('--keep');
  const run = (s: Section) => (only ? only.includes(s) : SECTIONS.includes(s));
  Object.assign(process.env, BENCH_SECRET_ENV);
  const machine = machineInfo();
  const date = new Date().toISOString();
  say(`machine: ${machineLine(machine)}, load average ${machine.load_average_1m}`);
  const work = mkdtempSync(join(tmpdir(), 'imco-bench-'));
  // Fresh run markers, so markers left by earlier runs do not slow or skew the handlers.
  process.env.IMCO_BRIDGE_MARKERS = join(work, 'markers');
  process.env.IMCO_BRIDGE_RUNTIME = join(work, 'bridge-runtime');
  // The stacks' instance id (ownership labels) in the run's directory, not imco.identity.json in the checkout.
  process.env.IMCO_IDENTITY_FILE = join(work, 'imco.identity.json');
  try {
    prepareFixtures(work, Math.ceil(SYNTH_OBJECTS / 13) + 2);
    if (run('synth')) await benchSynth(work);
    if (run('handler')) await benchHandlerStartup(work);
    if (run('apply')) await benchApply(work, run('handler'));
    if (run('provider')) await benchProvider(work);
    if (only?.includes('provider-apply')) await benchProviderApplyOnly(work, process.argv.find((a) => a.startsWith('--provider-bundles='))?.split('=').slice(1).join('='));
    if (run('drift')) await benchDrift(work);
    if (run('rps')) await benchRps(work);
  } finally {
    removeTerraformEnv();
    if (keep) say(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  const end = machineInfo();
  const totalS = round((Date.now() - started) / 1000, 1);
  const results: Record<string, unknown> = {
    date,
    machine: { ...machine, load_average_1m_at_end: end.load_average_1m },
    ...Object.fromEntries(figures.map((f) => [f.name, f.value])),
    figures: figures.map((f) => ({ ...f, machine: machineLine(machine) })),
    targets_hold: figures.filter((f) => f.holds !== undefined).every((f) => f.holds),
    details,
    bench_total_s: totalS,
  };
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(table(machine, date));
  process.stdout.write(`\nTotal ${totalS} s; load average at end ${end.load_average_1m}. Written to ${RESULTS}.\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 1;
});
