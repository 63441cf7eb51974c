#!/usr/bin/env node
// Measures terraform-provider-imco's start-up as Terraform sees it: spawn → the handshake line on
// stdout, N runs interleaved with `node -e 0`. A command-line front end of
// bench/provider-startup.ts (the bench's `provider_start_ms` uses the same code); needs dist/.
// usage: node scripts/measure-provider-startup.js [BUNDLE] [N]   (default dist/provider/…, 20)
const { join } = require('node:path');

const root = join(__dirname, '..');
const bundle = process.argv[2] || join(root, 'dist', 'provider', 'terraform-provider-imco.js');
const n = Number(process.argv[3] || 20);
const { measureProviderStartup } = require(join(root, 'dist', 'bench', 'provider-startup.js'));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

measureProviderStartup(bundle, n).then(
  ({ provider, bare, own }) => {
    const f = (x) => `${x.toFixed(1)} ms`;
    process.stdout.write(
      `spawn → handshake line: median ${f(median(provider))} (min ${f(Math.min(...provider))}) over ${n} runs\n` +
        `node -e 0:              median ${f(median(bare))} (min ${f(Math.min(...bare))})\n` +
        `provider's own share:   median ${f(median(own))}\n`,
    );
  },
  (err) => {
    process.stderr.write(`measure-provider-startup: ${err.message}\n`);
    process.exitCode = 1;
  },
);
