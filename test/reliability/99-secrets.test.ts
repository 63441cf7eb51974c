// Secrets, after all the other suites: every file they left in the run directory — synthesized
// cdk.tf.json files, Terraform states (local files and the pg backend's rows), saved plan files
// (the files inside them), emulator journals, terraform/imco-bridge/synth logs, Terraform's trace
// logs (TF_LOG, with the provider's own log lines) and the recorded error lines — is searched for
// the exact values of the run's VPN pre-shared key, SaaS account data, SSH private key and every
// private key the suites generated (client, server, CA keys). Only the files that hold them by
// design are skipped, and the copies of the provider program each provider-flavour stack gets
// (checked to be byte for byte the package's own build).
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { keyFragments } from './support/bridge';
import { forbidden, packageCopy, runDir, runSecrets, SECRET_HOLDERS } from './support/run';
import { allSummaries, summary } from './support/summary';
import { zipEntries } from './support/zip-entries';

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
  'saved plan files': /\.tfplan$/,
  'terraform trace logs': /\/tf-trace-\d+\.log$/,
  'provider-flavour stacks': /\/provider-[^/]+\/.*\/cdk\.tf\.json$/,
};

/** The provider program laid out in a provider-flavour stack (`terraform.d/plugins/…`): the package's own code. */
const PROVIDER_PROGRAM = /\/terraform\.d\/plugins\/.*\/terraform-provider-imco_v[^/]+$/;

/** What a scanned file holds: its text, and for a plan file (a zip archive) the text of every file inside. */
function contents(path: string): string[] {
  const bytes = readFileSync(path);
  if (!path.endsWith('.tfplan')) return [bytes.toString('utf8')];
  return [bytes.toString('utf8'), ...zipEntries(bytes).map((e) => `${e.name}\n${e.data.toString('utf8')}`)];
}

test('no private key, pre-shared key or SaaS account data in any synthesized file, state, journal, log or error text', () => {
  const secrets = runSecrets();
  const needles = [
    ...keyFragments([secrets.sshKeyPem, ...forbidden().filter((f) => f.includes('PRIVATE KEY'))]),
    ...forbidden().filter((f) => !f.includes('PRIVATE KEY')),
    secrets.psk,
    secrets.saasValue,
    secrets.saasJson,
  ];
  const all = files(runDir());
  const programs = all.filter((f) => PROVIDER_PROGRAM.test(f));
  const build = readFileSync(join(packageCopy(), 'dist', 'provider', 'terraform-provider-imco.js'));
  expect(programs.filter((f) => !readFileSync(f).equals(build)).map((f) => relative(runDir(), f))).toEqual([]);
  const scanned = all.filter((f) => !SECRET_HOLDERS.some((re) => re.test(f)) && !PROVIDER_PROGRAM.test(f));
  const leaks: string[] = [];
  for (const f of scanned) {
    for (const text of contents(f)) {
      for (const n of needles) if (text.includes(n)) leaks.push(`${relative(runDir(), f)}: ${n.slice(0, 8)}…`);
      if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) leaks.push(`${relative(runDir(), f)}: a PEM private key`);
    }
  }
  expect(leaks).toEqual([]);

  // The plan files were read inside: their planned values name the VPN's secret by reference.
  const plans = scanned.filter((f) => f.endsWith('.tfplan'));
  expect(plans.filter((f) => contents(f).slice(1).some((t) => t.includes('psk_env'))).length).toBeGreaterThan(0);
  // The scan saw what the other suites produced (it is pointless on its own).
  const counts = Object.fromEntries(Object.entries(CATEGORIES).map(([name, re]) => [name, scanned.filter((f) => re.test(f)).length]));
  for (const [name, n] of Object.entries(counts)) expect({ name, scanned: n > 0 }).toEqual({ name, scanned: true });
  expect(Object.keys(allSummaries()).sort()).toEqual([
    'bad-credentials', 'concurrency', 'crash', 'faults', 'hostile',
    'provider-concurrency', 'provider-crash', 'provider-faults', 'provider-hostile', 'provider-killed', 'scale',
  ]);
  summary('secrets', { files: scanned.length, values: needles.length, providerPrograms: programs.length, ...counts });
});
