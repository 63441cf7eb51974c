// A stand-in for Terraform that times served imco-bridge invocations: it runs `sh bin/imco-bridge.sh
// prune-record` (no API work: it records a declaration marker) the way local-exec does
// (`/bin/sh -c`), one after another, so that all share the bridge server this process's first
// invocation starts. Prints one JSON line: the wall time of each invocation, spawn to exit.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ServedJob {
  readonly client: string;
  readonly runs: number;
  readonly env: Record<string, string>;
}

export interface ServedReport {
  /** Wall time of the first invocation (it starts the server). */
  readonly first_ms: number;
  readonly ms: number[];
}

function main(): void {
  const job = JSON.parse(readFileSync(process.argv[2], 'utf8')) as ServedJob;
  const env = { ...process.env, ...job.env };
  const once = (): number => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync('/bin/sh', ['-c', `sh "${job.client}" prune-record`], { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
    if (r.status !== 0) throw new Error(`imco-bridge prune-record exited ${r.status}: ${String(r.stderr)}`);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const first = once();
  const ms: number[] = [];
  for (let i = 0; i < job.runs; i++) ms.push(once());
  process.stdout.write(`${JSON.stringify({ first_ms: first, ms } satisfies ServedReport)}\n`);
}

main();
