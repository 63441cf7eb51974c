// Jest global set-up: provisioners run the compiled `imco-bridge`, so dist/ must match the sources.
// Rebuilds when any source is newer than the last build (a fresh `npm install` has built already).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const STAMP = join(ROOT, 'dist', '.build-stamp');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

export default function globalSetup(): void {
  const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
  const sources = Math.max(newestSource(join(ROOT, 'lib')), statSync(join(ROOT, 'tsconfig.json')).mtimeMs);
  if (built >= sources) return;
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    writeFileSync(STAMP, new Date().toISOString());
  } catch (err) {
    // tsc still emits JavaScript on type errors; tests that need dist/ will show what is wrong.
    const out = String((err as { stdout?: Buffer }).stdout ?? '').split('\n').slice(0, 10).join('\n');
    process.stderr.write(`warning: 'tsc -p tsconfig.build.json' reported errors; dist/ may be stale:\n${out}\n`);
  }
}
