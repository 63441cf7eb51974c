// Child processes for the benchmark: a timed spawn (wall time from spawn to exit, measured in the
// parent), terraform with checkpoint calls off and an empty CLI configuration, and small statistics.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Timed {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Spawn to exit, in milliseconds. */
  readonly ms: number;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly input?: string;
  /** Kill the child after this many ms (the benchmark must finish in bounded time). */
  readonly timeoutMs?: number;
  /** Called with the child's pid right after the spawn (e.g. to watch its children). */
  readonly onSpawn?: (pid: number) => void;
}

/** Runs a command and measures its wall time from spawn to exit. */
export function timedRun(command: string, args: readonly string[], opts: RunOptions = {}): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, [...args], {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env },
      stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (child.pid !== undefined) opts.onSpawn?.(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          stderr += `\n[bench] killed after ${opts.timeoutMs} ms\n`;
          child.kill('SIGKILL');
        }, opts.timeoutMs)
      : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Number(process.hrtime.bigint() - started) / 1e6 });
    });
    if (opts.input !== undefined) child.stdin!.end(opts.input);
  });
}

/** Fails with the tail of the output unless the exit code is one of `codes`. */
export function expectExit(what: string, r: Timed, codes: readonly number[] = [0]): Timed {
  if (!codes.includes(r.code ?? -1)) {
    throw new Error(`${what} exited ${String(r.code)}\n--- stdout\n${r.stdout.slice(-4000)}\n--- stderr\n${r.stderr.slice(-4000)}`);
  }
  return r;
}

let cliConfigDir: string | undefined;

/** Terraform environment: no checkpoint calls, an empty CLI config, no prompts. */
export function terraformEnv(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  cliConfigDir ??= mkdtempSync(join(tmpdir(), 'imco-bench-tfrc-'));
  const cliConfig = join(cliConfigDir, 'terraformrc');
  writeFileSync(cliConfig, '');
  return { CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: '1', TF_INPUT: '0', ...extra };
}

/** Removes the empty CLI config's directory. */
export function removeTerraformEnv(): void {
  if (cliConfigDir) rmSync(cliConfigDir, { recursive: true, force: true });
  cliConfigDir = undefined;
}

/** `terraform <args>` in `dir`, timed; fails unless it exits 0. */
export async function terraform(
  dir: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
  timeoutMs = 300_000,
  onSpawn?: (pid: number) => void,
): Promise<Timed> {
  const r = await timedRun('terraform', args, { cwd: dir, env: terraformEnv(env), timeoutMs, onSpawn });
  return expectExit(`terraform ${args.join(' ')}`, r);
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
