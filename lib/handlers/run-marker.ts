// Run markers: a create handler leaves a marker named after its Terraform resource id holding the
// id of the Terraform run (the Terraform process's pid), so that the sync and action resources of
// the same apply know the object is brand new (actions skip their first run). A later apply is
// another Terraform process: the marker no longer counts. A create that fails leaves `<run> failed`
// and its one-line error instead, which the `_sync` update of the same run turns into the apply's
// error (the lifecycle resource's create provisioner has on_failure = continue). A missing marker
// only costs one extra action or update (for a failed create: a second attempt); it never affects
// correctness. Markers older than a week are swept at most once an hour (a sweep stats every
// marker). A markers directory that is full or read-only is reported once per process, naming the
// directory and IMCO_BRIDGE_MARKERS (lib/handlers/marker-directory.ts); the apply goes on.
import { mkdirSync, writeFileSync, readFileSync, rmSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RUN_ID_ENV } from '../spec/spec';
import { processInvocation, type Invocation } from './invocation';
import { describeFileSystemRefusal, isFileSystemRefusal, markerDirectory } from './marker-directory';

const MAX_AGE_MS = 7 * 24 * 3600 * 1000;
const SWEEP_EVERY_MS = 3600 * 1000;
/** Its mtime is the time of the last sweep; its name cannot be a marker (not a Terraform id). */
const SWEPT_STAMP = '.swept';

function markerDir(inv: Invocation): string {
  return markerDirectory(inv.env, inv.cwd);
}

let refusalReported = false;

/** Says once per process that markers cannot be written, and why (they only save work). */
function reportRefusal(err: unknown, path: string, inv: Invocation): void {
  if (refusalReported || !isFileSystemRefusal(err)) return;
  refusalReported = true;
  inv.stderr(
    `imco-bridge: warning: ${describeFileSystemRefusal(err, path, inv.env, inv.cwd)}. The apply goes on without run markers (an extra update, and a failed create retried by its _sync)\n`,
  );
}

function safe(tfId: string): string | undefined {
  return /^[A-Za-z0-9-]{1,100}$/.test(tfId) ? tfId : undefined;
}

const SHELLS = new Set(['sh', 'dash', 'bash', 'zsh', 'ash', 'busybox']);

function procStat(pid: number): { comm: string; ppid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const ppid = Number(stat.slice(close + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? { comm, ppid } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Identity of the Terraform run that started this handler: `<pid>:<start time>` of the process above
 * the provisioner's shell (terraform → sh → node, or terraform → node when the shell execs).
 * Undefined where /proc is not available: markers then never match, which is the safe side.
 */
export function terraformRunId(parentPid: number = process.ppid, env: Invocation['env'] = process.env): string | undefined {
  const served = env[RUN_ID_ENV];
  if (served && /^\d+:\d+$/.test(served)) return served; // run by the bridge server, which knows its Terraform run
  const parent = procStat(parentPid);
  if (!parent) return undefined;
  const runPid = SHELLS.has(parent.comm) ? parent.ppid : parentPid;
  try {
    const stat = readFileSync(`/proc/${runPid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return `${runPid}:${fields[19]}`; // field 22 of stat: the process start time
  } catch {
    return undefined;
  }
}

/** Records that the object of Terraform resource `tfId` was created by this run of Terraform. */
export function markCreated(tfId: string | undefined, runId: string | undefined = terraformRunId(), inv: Invocation = processInvocation()): void {
  const id = tfId && safe(tfId);
  if (!id || !runId) return;
  const path = join(markerDir(inv), id);
  try {
    mkdirSync(markerDir(inv), { recursive: true, mode: 0o700 });
    writeFileSync(path, runId);
    prune(inv);
  } catch (err) {
    reportRefusal(err, path, inv); // best effort
  }
}

/**
 * Records that the create of Terraform resource `tfId` failed in this run of Terraform, and why
 * (the handler's one-line error, which never holds a secret).
 */
export function markCreateFailed(tfId: string | undefined, reason: string, runId: string | undefined = terraformRunId(), inv: Invocation = processInvocation()): void {
  markCreated(tfId, runId && `${runId} failed\n${reason.split('\n')[0]}`, inv);
}

/** Why the create of `tfId` failed in this same run of Terraform, if it did ('' when not recorded). */
export function createFailure(tfId: string | undefined, runId: string | undefined = terraformRunId(), inv: Invocation = processInvocation()): string | undefined {
  const text = runId ? readMarker(tfId, inv) : undefined;
  if (text === undefined) return undefined;
  const [first, ...rest] = text.split('\n');
  return first === `${runId} failed` ? rest.join(' ') : undefined;
}

/**
 * Why the create of `tfId` failed in an EARLIER run of Terraform, when its marker still says so ('' when
 * the reason was not recorded): the `_sync` update of a later apply then makes the object.
 */
export function earlierCreateFailure(tfId: string | undefined, runId: string | undefined = terraformRunId(), inv: Invocation = processInvocation()): string | undefined {
  const text = readMarker(tfId, inv);
  if (text === undefined) return undefined;
  const [first, ...rest] = text.split('\n');
  const m = /^(\S+) failed$/.exec(first);
  return m && m[1] !== runId ? rest.join(' ') : undefined;
}

/** Forgets a failed create's marker once the object has been made after all. */
export function clearCreateFailure(tfId: string | undefined, inv: Invocation = processInvocation()): void {
  const id = tfId && safe(tfId);
  if (!id || earlierCreateFailure(id, undefined, inv) === undefined) return;
  try {
    rmSync(join(markerDir(inv), id), { force: true });
  } catch {
    // best effort: a stale failure only colours the message of a later recreate
  }
}

/** True when `tfId` was created by this same run of Terraform (not by an earlier apply). */
export function wasCreated(tfId: string | undefined, runId: string | undefined = terraformRunId(), inv: Invocation = processInvocation()): boolean {
  return !!runId && readMarker(tfId, inv) === runId;
}

function readMarker(tfId: string | undefined, inv: Invocation): string | undefined {
  const id = tfId && safe(tfId);
  if (!id) return undefined;
  try {
    return readFileSync(join(markerDir(inv), id), 'utf8');
  } catch {
    return undefined;
  }
}

function prune(inv: Invocation): void {
  const dir = markerDir(inv);
  const now = Date.now();
  const stamp = join(dir, SWEPT_STAMP);
  try {
    if (now - statSync(stamp).mtimeMs < SWEEP_EVERY_MS) return;
  } catch {
    // never swept
  }
  writeFileSync(stamp, '');
  for (const name of readdirSync(dir)) {
    if (name === SWEPT_STAMP) continue;
    try {
      if (now - statSync(join(dir, name)).mtimeMs > MAX_AGE_MS) rmSync(join(dir, name), { force: true });
    } catch {
      // best effort
    }
  }
}
