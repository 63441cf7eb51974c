#!/usr/bin/env node
// Measures terraform-provider-imco's start-up as Terraform sees it: spawn → the handshake line on
// stdout, with go-plugin's environment (magic cookie, a client certificate for AutoMTLS), N runs
// interleaved with `node -e 0` so a busy machine shows in both. Prints medians and the median of
// the paired differences (the provider's own share).
// usage: node scripts/measure-provider-startup.js [BUNDLE] [N]   (default dist/provider/…, 20)
const { spawn } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const bundle = process.argv[2] || join(root, 'dist', 'provider', 'terraform-provider-imco.js');
const n = Number(process.argv[3] || 20);
const { selfSignedCert } = require(join(root, 'dist', 'lib', 'provider', 'self-signed-cert.js'));
const { MAGIC_COOKIE_VALUE } = require(join(root, 'dist', 'lib', 'provider', 'handshake.js'));
const client = selfSignedCert();

function timed(cmd, args, env, untilStdout) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const c = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    const done = () => resolve(Number(process.hrtime.bigint() - t0) / 1e6);
    if (untilStdout) {
      c.stdout.once('data', () => {
        done();
        c.kill('SIGKILL');
      });
      c.on('exit', (code) => code !== null && code !== 0 && reject(new Error(`${cmd} exited ${code}`)));
    } else c.on('exit', done);
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

(async () => {
  const env = { ...process.env, TF_PLUGIN_MAGIC_COOKIE: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '5,6', PLUGIN_CLIENT_CERT: client.certPem };
  const provider = [];
  const bare = [];
  for (let i = 0; i < n; i++) {
    provider.push(await timed(bundle, [], env, true));
    bare.push(await timed(process.execPath, ['-e', '0'], process.env, false));
  }
  const diff = provider.map((p, i) => p - bare[i]);
  const f = (x) => `${x.toFixed(1)} ms`;
  process.stdout.write(
    `spawn → handshake line: median ${f(median(provider))} (min ${f(Math.min(...provider))}) over ${n} runs\n` +
      `node -e 0:              median ${f(median(bare))} (min ${f(Math.min(...bare))})\n` +
      `provider's own share:   median ${f(median(diff))}\n`,
  );
})();
