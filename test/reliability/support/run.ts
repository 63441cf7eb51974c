// The reliability run directory and what every suite shares through it: the secret values of the run
// (generated once, never committed), a place per suite for emulator directories, synthesized stacks
// and logs, and a record of every error text seen — all of which the final secret scan reads.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** The run directory (set by jest.reliability.config.js; a fresh one when a file runs on its own). */
export function runDir(): string {
  if (!process.env.IMCO_RELIABILITY_RUN) process.env.IMCO_RELIABILITY_RUN = mkdtempSync(join(tmpdir(), 'imco-reliability-'));
  const dir = process.env.IMCO_RELIABILITY_RUN;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** `RUN/<suite>`, created on first use. */
export function suiteDir(suite: string): string {
  const dir = join(runDir(), suite);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** A new directory under `RUN/<suite>`. */
export function scratch(suite: string, prefix: string): string {
  return mkdtempSync(join(suiteDir(suite), `${prefix}-`));
}

/** Secret values of the run, and the files and variables that carry them. */
export interface RunSecrets {
  readonly psk: string;
  /** SaaS account data (JSON text) and its one value. */
  readonly saasJson: string;
  readonly saasValue: string;
  /** Path of the SSH private key file (mode 0600) and its PEM. */
  readonly sshKeyFile: string;
  readonly sshKeyPem: string;
}

const SECRETS_FILE = 'secrets.json';

/** The run's secrets (created by the first suite that asks). The file itself is excluded from scans. */
export function runSecrets(): RunSecrets {
  const file = join(runDir(), SECRETS_FILE);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as RunSecrets;
  const sshKeyFile = join(runDir(), 'ops-ssh-key');
  const { privateKey } = generateKeyPairSync('ed25519');
  const sshKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  writeFileSync(sshKeyFile, sshKeyPem, { mode: 0o600 });
  const saasValue = randomBytes(20).toString('hex');
  const secrets: RunSecrets = {
    psk: `psk-${randomBytes(18).toString('base64url')}`,
    saasJson: JSON.stringify({ license_key: saasValue }),
    saasValue,
    sshKeyFile,
    sshKeyPem,
  };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

/** Files of the run directory that legitimately hold secrets or keys (never scanned). */
export const SECRET_HOLDERS: readonly RegExp[] = [
  new RegExp(`/${SECRETS_FILE}$`),
  /\/ops-ssh-key$/,
  /\/forbidden\.json$/,
  /\.key$/, // private keys: generated certificates' keys
  /\/state\.json$/, // the emulator's platform state (0600; holds what IMCO would hold)
  /\/uploads\//, // uploaded cookbook archives and attachments
];

/** The environment the example estate reads its secrets from (by reference). */
export function secretEnv(s: RunSecrets = runSecrets()): Record<string, string> {
  return { IMCO_EXAMPLE_VPN_PSK: s.psk, IMCO_EXAMPLE_NEWRELIC: s.saasJson, IMCO_EXAMPLE_SSH_KEY: s.sshKeyFile };
}

/** Appends text to `RUN/<suite>/<name>` (logs the secret scan reads). */
export function record(suite: string, name: string, text: string): void {
  appendFileSync(join(suiteDir(suite), name), text.endsWith('\n') ? text : `${text}\n`);
}

/** Registers private key PEMs and secret values the secret scan must not find anywhere. */
export function forbid(values: readonly string[]): void {
  const file = join(runDir(), 'forbidden.json');
  const known = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as string[]) : [];
  writeFileSync(file, JSON.stringify([...new Set([...known, ...values])]), { mode: 0o600 });
}

/** Everything registered with `forbid`. */
export function forbidden(): string[] {
  const file = join(runDir(), 'forbidden.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as string[]) : [];
}

export { withEnv } from '../../support/env';

/**
 * A private copy of the compiled package (dist/, bin/, examples/, package.json; node_modules linked)
 * made once per run: every handler, synth and CLI call of the run uses the same build, even while
 * something else rebuilds dist/ in the working tree. Returns its root.
 */
export function packageCopy(): string {
  const root = join(runDir(), 'pkg');
  if (existsSync(join(root, 'package.json'))) return root;
  const staging = mkdtempSync(join(runDir(), 'pkg-staging-'));
  for (const part of ['dist', 'bin', 'examples']) cpSync(join(ROOT, part), join(staging, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(staging, 'node_modules'), 'dir');
  // The copy must load: a build caught half-written would fail here, not in the middle of a suite.
  execFileSync(process.execPath, [join(staging, 'bin', 'imco-bridge.js'), '--help'], { stdio: 'ignore', timeout: 60_000 });
  cpSync(join(ROOT, 'package.json'), join(staging, 'package.json'));
  renameSync(staging, root);
  return root;
}

/**
 * `sh "<copy>/bin/imco-bridge.sh"`: the bridge command of every stack the suites synthesize — the
 * default one, so that faults, kills and hostile answers go through the per-run bridge server.
 */
export function bridgeCommand(): string {
  return `sh "${join(packageCopy(), 'bin', 'imco-bridge.sh')}"`;
}
