// Jest global teardown of the reliability suite: removes the run directory (it holds generated keys
// and secrets) unless IMCO_RELIABILITY_KEEP=1 asks to keep it for a post-mortem.
import { rmSync } from 'node:fs';

export default function globalTeardown(): void {
  const dir = process.env.IMCO_RELIABILITY_RUN;
  if (!dir) return;
  if (process.env.IMCO_RELIABILITY_KEEP === '1') {
    process.stderr.write(`\nreliability: run directory kept at ${dir}\n`);
    return;
  }
  rmSync(dir, { recursive: true, force: true });
}
