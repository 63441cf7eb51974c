#!/usr/bin/env node
// Builds dist/ (tsc -p tsconfig.build.json) unless it is already newer than every source, like make.
// Used by `npm run build` / `npm install` (prepare) and by the test set-up; `--force` always builds.
// tsc still emits JavaScript on type errors; the exit code reports them.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const stamp = join(root, 'dist', '.build-stamp');
const SOURCES = ['lib', 'bench', 'examples', 'main.ts', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let n = 0;
  for (const entry of readdirSync(path)) n = Math.max(n, newest(join(path, entry)));
  return n;
}

function stale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.some((s) => newest(join(root, s)) > built);
}

if (process.argv.includes('--force') || stale()) {
  try {
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: 'inherit',
    });
  } catch {
    process.exitCode = 1;
  }
  if (!process.exitCode) writeFileSync(stamp, new Date().toISOString());
}
