#!/usr/bin/env node
// Builds dist/ (tsc -p tsconfig.build.json) unless it is already newer than every source, like make.
// Used by `npm run build`, `npm start`, `npm run bench` and the test set-up; `--force` always builds;
// `--clean` (npm pack's prepack) empties dist/ first, so the package holds no file of a removed source.
// tsc still emits JavaScript on type errors; the exit code reports them. The provider's protocol
// descriptor is compiled first (tsc imports it) and its one-file bundle is written after tsc.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const { compileDescriptors, compileCodecs, bundleProvider } = require('./provider-build');

const root = join(__dirname, '..');
const providerEntry = join(root, 'lib', 'provider', 'main.ts');
const providerBundle = join(root, 'dist', 'provider', 'terraform-provider-imco.js');
const stamp = join(root, 'dist', '.build-stamp');
const SOURCES = ['lib', 'bench', 'examples', 'scripts', 'main.ts', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

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
  if (existsSync(join(root, 'lib', 'provider', 'definition.ts')) && !existsSync(providerBundle)) return true;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.some((s) => newest(join(root, s)) > built);
}

/** Bundles the provider; until lib/provider/definition.ts exists there is nothing to serve yet. */
async function bundle() {
  if (!existsSync(join(root, 'lib', 'provider', 'definition.ts'))) {
    process.stderr.write('build: lib/provider/definition.ts not there yet; dist/provider/terraform-provider-imco.js not bundled\n');
    return;
  }
  try {
    await bundleProvider(providerEntry, providerBundle);
  } catch (err) {
    process.stderr.write(`build: bundling the provider failed: ${err.message}\n`);
    process.exitCode = 1;
  }
}

const clean = process.argv.includes('--clean');
if (clean) rmSync(join(root, 'dist'), { recursive: true, force: true });
const force = clean || process.argv.includes('--force');
const descriptorsChanged = compileDescriptors(force);
const codecsChanged = compileCodecs(force || descriptorsChanged);
if (force || descriptorsChanged || codecsChanged || stale()) {
  try {
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: 'inherit',
    });
  } catch {
    process.exitCode = 1;
  }
  bundle().then(() => {
    if (!process.exitCode) writeFileSync(stamp, new Date().toISOString());
  });
}
