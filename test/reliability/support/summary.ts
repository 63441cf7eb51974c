// Measured results of each reliability suite (applies needed, kill points, durations, …): written
// to RUN/results/<suite>.json and echoed as one line, so a run can be reported in bench/README.md.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runDir } from './run';

export function summary(suite: string, result: Record<string, unknown>): void {
  const dir = join(runDir(), 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${suite}.json`), JSON.stringify(result, null, 2));
  process.stdout.write(`\nreliability ${suite}: ${JSON.stringify(result)}\n`);
}

/** Every suite's results recorded so far in this run. */
export function allSummaries(): Record<string, Record<string, unknown>> {
  const dir = join(runDir(), 'results');
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    return {};
  }
  return Object.fromEntries(files.map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>]));
}
