// Jest global set-up: provisioners run the compiled `imco-bridge`, so dist/ must match the sources.
// scripts/build.js rebuilds only when a source is newer than the last build (a fresh `npm install`
// has built already). Type errors do not stop the tests: tsc still emits, and tests show what fails.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function globalSetup(): void {
  try {
    execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'build.js')], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const out = String((err as { stdout?: Buffer }).stdout ?? '').split('\n').slice(0, 10).join('\n');
    process.stderr.write(`warning: the build reported errors; dist/ may be stale:\n${out}\n`);
  }
}
