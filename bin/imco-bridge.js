#!/usr/bin/env node
// imco-bridge: compiled entry (run `npm install` or `npm run build` first).
require('../dist/lib/cli/bridge.js')
  .main(process.argv.slice(2))
  .then((code) => { process.exitCode = code; }, () => { process.exitCode = 1; });
