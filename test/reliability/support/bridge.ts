// Runs the real `imco-bridge` CLI (the run's copy of bin/imco-bridge.js → dist) as a provisioner would, asynchronously
// (an emulator may be serving from this very process), with a clean environment: only PATH, a HOME
// without ~/.concerto, and what the test passes. Output is kept for the final secret scan.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageCopy, record, runDir } from './run';


export interface BridgeResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  /** The test had to kill it at `maxMs`. */
  readonly killed: boolean;
}

/** An empty home directory in the run directory (no ~/.concerto/client.xml). */
export function emptyHome(): string {
  const home = join(runDir(), 'home');
  mkdirSync(home, { recursive: true, mode: 0o700 });
  return home;
}

export function runBridge(args: readonly string[], env: Readonly<Record<string, string>>, suite: string, maxMs = 180_000): Promise<BridgeResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(packageCopy(), 'bin', 'imco-bridge.js'), ...args], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: emptyHome(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, maxMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const ms = Date.now() - started;
      record(suite, 'bridge.log', `$ imco-bridge ${args.join(' ')} (exit ${String(code)}; ${ms} ms)\n${stdout}--- stderr\n${stderr}`);
      resolve({ code, stdout, stderr, ms, killed });
    });
  });
}

/** Problems with a handler's error output: not exactly one line, a stack trace, key material. */
export function errorShapeProblems(r: BridgeResult, forbiddenText: readonly string[]): string[] {
  const problems: string[] = [];
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
  if (r.killed) problems.push('did not end by itself');
  if (r.code === 0) problems.push('exit code 0');
  if (lines.length !== 1) problems.push(`${lines.length} lines on stderr`);
  if (/^\s+at\s|\bat .*\.js:\d+:\d+/m.test(r.stderr + r.stdout)) problems.push('a stack trace');
  if (/PRIVATE KEY/.test(r.stderr + r.stdout)) problems.push('a PEM private key header');
  for (const f of forbiddenText) if (f && (r.stderr + r.stdout).includes(f)) problems.push(`forbidden text ${f.slice(0, 12)}…`);
  return problems;
}

/** Lines of PEM private keys long enough to be meaningful, plus the whole PEMs. */
export function keyFragments(pems: readonly string[]): string[] {
  return pems.flatMap((pem) => [pem.trim(), ...pem.split(/\r?\n/).filter((l) => l.length >= 16 && !l.startsWith('-----'))]);
}
