// Secrets, after all the other suites: every file they left in the run directory — synthesized
// cdk.tf.json files, Terraform states (local files and the pg backend's rows), emulator journals,
// terraform/imco-bridge/synth logs and the recorded error lines — is searched for the exact values
// of the run's VPN pre-shared key, SaaS account data, SSH private key and every private key the
// suites generated (client, server, CA keys). Only the files that hold them by design are skipped.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { keyFragments } from './support/bridge';
import { forbidden, runDir, runSecrets, SECRET_HOLDERS } from './support/run';
import { allSummaries, summary } from './support/summary';

/** Every regular file under `dir` (symbolic links are not followed; the package copy is skipped). */
function files(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    const st = lstatSync(path);
    if (st.isSymbolicLink()) continue;
    if (st.isDirectory()) {
      if (relative(runDir(), path) === 'pkg') continue;
      files(path, out);
    } else if (st.isFile()) out.push(path);
  }
  return out;
}

const CATEGORIES: Record<string, RegExp> = {
  'synthesized stacks': /\/cdk\.tf\.json$/,
  'terraform states': /\.tfstate$|\/pg-state[^/]*\.txt$/,
  'emulator journals': /\/journal\.jsonl$/,
  'terraform logs': /\/terraform\.log$/,
  'imco-bridge and synth logs': /\/(bridge|synth)\.log$/,
  'handler error lines': /\/errors\.log$/,
};

test('no private key, pre-shared key or SaaS account data in any synthesized file, state, journal, log or error text', () => {
  const secrets = runSecrets();
  const needles = [
    ...keyFragments([secrets.sshKeyPem, ...forbidden().filter((f) => f.includes('PRIVATE KEY'))]),
    ...forbidden().filter((f) => !f.includes('PRIVATE KEY')),
    secrets.psk,
    secrets.saasValue,
    secrets.saasJson,
  ];
  const scanned = files(runDir()).filter((f) => !SECRET_HOLDERS.some((re) => re.test(f)));
  const leaks: string[] = [];
  for (const f of scanned) {
    const text = readFileSync(f, 'utf8');
    for (const n of needles) if (text.includes(n)) leaks.push(`${relative(runDir(), f)}: ${n.slice(0, 8)}…`);
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) leaks.push(`${relative(runDir(), f)}: a PEM private key`);
  }
  expect(leaks).toEqual([]);

  // The scan saw what the other suites produced (it is pointless on its own).
  const counts = Object.fromEntries(Object.entries(CATEGORIES).map(([name, re]) => [name, scanned.filter((f) => re.test(f)).length]));
  for (const [name, n] of Object.entries(counts)) expect({ name, scanned: n > 0 }).toEqual({ name, scanned: true });
  expect(Object.keys(allSummaries()).sort()).toEqual(['bad-credentials', 'concurrency', 'crash', 'faults', 'hostile']);
  summary('secrets', { files: scanned.length, values: needles.length, ...counts });
});
