// Runs the real terraform binary for the reliability suites, in its own process group so a test can
// kill it with SIGKILL — terraform alone (its bridge server finishes the commands in flight, and the
// next run must wait for them by itself) or the whole group (a runner that dies with everything it
// started). Every run's
// output is appended to the suite's log in the run directory, for the final secret scan.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { record, runDir } from './run';

/** An empty Terraform CLI configuration in the run directory (no ~/.terraformrc, no plugin cache). */
function cliConfig(): string {
  const file = join(runDir(), 'terraformrc');
  if (!existsSync(file)) writeFileSync(file, '');
  return file;
}

export interface TfResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Whether the test killed the run. */
  readonly killed: boolean;
  readonly ms: number;
}

export type KillMode = 'terraform' | 'group';

export interface TfOptions {
  readonly env?: Readonly<Record<string, string>>;
  /** Suite name: output goes to RUN/<suite>/terraform.log. */
  readonly suite: string;
  /** Polled every 10 ms while terraform runs; when it returns true, the run is killed with SIGKILL. */
  readonly killWhen?: () => boolean;
  readonly killMode?: KillMode;
  /** Hard bound: the group is killed after this long (the run then counts as failed). Default 15 min. */
  readonly maxMs?: number;
  /** Called with terraform's process id (also its process group id) once it has started. */
  readonly onSpawn?: (pid: number) => void;
}

/** Process ids whose process group is `pgid` (read from /proc). */
export function processGroupMembers(pgid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses: split after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') out.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits (bounded) until no process of group `pgid` is left; returns how many were still there at the end. */
export async function waitForGroup(pgid: number, maxMs = 180_000): Promise<number> {
  const until = Date.now() + maxMs;
  while (Date.now() < until) {
    if (processGroupMembers(pgid).length === 0) return 0;
    await sleep(50);
  }
  return processGroupMembers(pgid).length;
}

function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Runs `terraform <args>` in `dir`. After a kill, waits until every process of the run's group has ended. */
export function tf(dir: string, args: readonly string[], opts: TfOptions): Promise<TfResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn('terraform', [...args], {
      cwd: dir,
      detached: true,
      env: {
        ...process.env,
        CHECKPOINT_DISABLE: '1',
        TF_CLI_CONFIG_FILE: cliConfig(),
        TF_IN_AUTOMATION: '1',
        TF_INPUT: '0',
        ...opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pgid = child.pid as number;
    if (pgid) opts.onSpawn?.(pgid);
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let killedMode: KillMode | undefined;
    const kill = (mode: KillMode) => {
      if (killed) return;
      killed = true;
      killedMode = mode;
      if (mode === 'group') killGroup(pgid);
      else child.kill('SIGKILL');
    };
    const poll = opts.killWhen
      ? setInterval(() => {
          if (!killed && opts.killWhen!()) kill(opts.killMode ?? 'group');
        }, 10)
      : undefined;
    const hard = setTimeout(() => kill('group'), opts.maxMs ?? 15 * 60_000);
    const stopTimers = () => {
      if (poll) clearInterval(poll);
      clearTimeout(hard);
    };
    child.on('error', (err) => {
      stopTimers();
      reject(err);
    });
    child.on('close', (code, signal) => {
      stopTimers();
      const finish = async () => {
        // A kill of the whole group must leave nothing running. After a kill of terraform alone, the
        // run's bridge server finishes the commands in flight; the next run is not held back for
        // them: its own bridge server must wait for them (lib/cli/interrupted-run.ts).
        const left = killed && killedMode === 'group' ? await waitForGroup(pgid) : 0;
        if (left > 0) killGroup(pgid);
        const ms = Date.now() - started;
        record(
          opts.suite,
          'terraform.log',
          `$ terraform ${args.join(' ')}  (in ${dir}; exit ${String(code)}${signal ? ` ${signal}` : ''}${killed ? ', killed by the test' : ''}; ${ms} ms)\n${stdout}\n--- stderr\n${stderr}`,
        );
        resolve({ code, signal, stdout, stderr, killed, ms });
      };
      void finish();
    });
  });
}

/** Runs terraform and throws with its output unless it exits with one of `codes`. */
export async function tfOk(dir: string, args: readonly string[], opts: TfOptions, codes: readonly number[] = [0]): Promise<TfResult> {
  const r = await tf(dir, args, opts);
  if (!codes.includes(r.code ?? -1)) {
    throw new Error(`terraform ${args.join(' ')} exited ${String(r.code)}\n--- stdout\n${r.stdout.slice(-6000)}\n--- stderr\n${r.stderr.slice(-6000)}`);
  }
  return r;
}

/**
 * After a run killed with SIGKILL: whether Terraform's local backend lost its own state, and if so the
 * repair Terraform documents. The local backend rewrites its state file in place (truncate, then
 * write; hashicorp/terraform#34266) after every resource, so a kill between the two leaves the file
 * empty (or cut short): the next run then sees no state at all, and a `terraform destroy` destroys
 * nothing and calls no handler. Before its first rewrite, a run copies the snapshot it started from
 * to `<state>.backup`; a damaged state file is replaced with that copy. Returns whether it was.
 */
export function restoreLostLocalState(statePath: string): boolean {
  if (!existsSync(statePath)) return false;
  try {
    JSON.parse(readFileSync(statePath, 'utf8'));
    return false;
  } catch {
    // empty or cut short by the kill
  }
  const backup = `${statePath}.backup`;
  if (!existsSync(backup)) throw new Error(`${statePath} was damaged by the kill and there is no ${backup} to restore`);
  JSON.parse(readFileSync(backup, 'utf8')); // must be whole: it was written before the damaged rewrite began
  copyFileSync(backup, statePath);
  return true;
}
