#!/usr/bin/env node
// npm start: deploys the example estate (see lib/cli/start.ts). Built by `npm install`.
require('../dist/lib/cli/start.js')
  .main(process.argv.slice(2))
  .then(
    (code) => { process.exitCode = code; },
    (err) => { process.stderr.write(`imco-start: ${err && err.message ? err.message : String(err)}\n`); process.exitCode = 1; },
  );
