#!/usr/bin/env node
// Links this package's own commands (imco-emulator, imco-bridge) into node_modules/.bin, so that
// `npx imco-emulator` in a checkout starts the local build at once instead of npm first installing
// the project into its npx cache. Run by `npm install` (prepare); safe to run again.
const { mkdirSync, readFileSync, rmSync, symlinkSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
const bins = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin || {};
const binDir = join(root, 'node_modules', '.bin');
mkdirSync(binDir, { recursive: true });
for (const [name, file] of Object.entries(bins)) {
  const link = join(binDir, name);
  rmSync(link, { force: true });
  symlinkSync(relative(binDir, join(root, file)), link);
}
