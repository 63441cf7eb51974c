// Child process of the synth benchmark: builds and synthesizes one stack (job JSON file in argv[2])
// and prints one JSON line with the phase times, this process's peak RSS and the output size.
// Run in its own process so that the RSS is the synth's alone. cdktf is loaded inside main() so
// the load time is measured as its own phase.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { StackJob } from './stacks';

export interface SynthReport {
  /** Process start (time origin) to the end of synth, as seen by the child. */
  readonly total_ms: number;
  readonly load_ms: number;
  readonly construct_ms: number;
  readonly synth_ms: number;
  readonly max_rss_mb: number;
  readonly objects: number;
  readonly by_kind: Record<string, number>;
  readonly resources: number;
  readonly cdk_tf_json_mb: number;
}

function main(): void {
  const job = JSON.parse(readFileSync(process.argv[2], 'utf8')) as StackJob;
  const t0 = performance.now();
  const stacks = require('./stacks') as typeof import('./stacks'); // eslint-disable-line @typescript-eslint/no-require-imports
  const t1 = performance.now();
  const built = stacks.buildStack(job);
  const t2 = performance.now();
  built.app.synth();
  const t3 = performance.now();
  const file = join(stacks.stackDirOf(job), 'cdk.tf.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { resource?: Record<string, Record<string, unknown>> };
  const resources = Object.values(doc.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
  const report: SynthReport = {
    total_ms: t3,
    load_ms: t1 - t0,
    construct_ms: t2 - t1,
    synth_ms: t3 - t2,
    max_rss_mb: process.resourceUsage().maxRSS / 1024,
    objects: built.objects,
    by_kind: built.byKind,
    resources,
    cdk_tf_json_mb: statSync(file).size / 2 ** 20,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main();
