// The bridge server's neighbours: the run directories of other Terraform runs beside its own (see
// lib/cli/bridge-server.ts). A run whose Terraform is gone and whose server is gone too left its
// directory behind (a killed server): it is removed. A run whose Terraform was killed but whose
// server still finishes the commands in flight (what orphaned handler processes did before the
// server) is waited for by a new run in the same directory, so that the two cannot race each other
// on the same objects (two creates of one object would both make an ownership label and an object).
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** File in a run directory naming the directory Terraform ran in (the stack's). */
const CWD_FILE = 'cwd';
const POLL_MS = 200;
/** Longest wait for an interrupted run (its commands have deadlines of their own). */
export const MAX_WAIT_MS = 60 * 60 * 1000;

/** Start time (field 22 of /proc/<pid>/stat) of a live process, if it is alive. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[0] === 'Z' || fields[0] === 'X' ? undefined : fields[19];
  } catch {
    return undefined;
  }
}

interface Neighbour {
  readonly dir: string;
  readonly terraformAlive: boolean;
  /** Pid of its bridge server while that is still running. */
  readonly server?: number;
  readonly cwd?: string;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The pid of the bridge server serving `dir`, if it still runs (its command line names `dir`). */
function serverOf(dir: string): number | undefined {
  const pid = Number(read(join(dir, 'pid')));
  if (!Number.isInteger(pid) || pid <= 0 || processStartTime(pid) === undefined) return undefined;
  const cmdline = read(`/proc/${pid}/cmdline`)?.split('\0') ?? [];
  return cmdline.includes('serve') && cmdline.includes(dir) ? pid : undefined;
}

function neighbours(runDir: string): Neighbour[] {
  const base = dirname(runDir);
  const found: Neighbour[] = [];
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return found;
  }
  for (const name of names) {
    const m = /^(\d+)-(\d+)$/.exec(name);
    const dir = join(base, name);
    if (!m || dir === runDir) continue;
    found.push({ dir, terraformAlive: processStartTime(Number(m[1])) === m[2], server: serverOf(dir), cwd: read(join(dir, CWD_FILE)) });
  }
  return found;
}

/** Removes the run directories beside `runDir` whose Terraform and server are both gone. */
export function sweepFinishedRuns(runDir: string): void {
  for (const n of neighbours(runDir)) {
    if (!n.terraformAlive && n.server === undefined) rmSync(n.dir, { recursive: true, force: true });
  }
}

/** Records the directory this run's Terraform works in (once; every command of a run has the same). */
export function recordRunCwd(runDir: string, cwd: string): void {
  try {
    writeFileSync(join(runDir, CWD_FILE), `${cwd}\n`, { flag: 'wx', mode: 0o600 });
  } catch {
    // recorded already
  }
}

/** Servers of interrupted runs (Terraform gone) in `cwd` that are still finishing commands. */
export function interruptedServers(runDir: string, cwd: string): number[] {
  return neighbours(runDir)
    .filter((n) => !n.terraformAlive && n.server !== undefined && n.cwd === cwd)
    .map((n) => n.server as number);
}

/**
 * Resolves once no interrupted run in `cwd` is still finishing commands (at most MAX_WAIT_MS);
 * `say` gets one line when there is one to wait for.
 */
export async function untilInterruptedRunsFinish(runDir: string, cwd: string, say: (line: string) => void, maxWaitMs = MAX_WAIT_MS): Promise<void> {
  let servers = interruptedServers(runDir, cwd);
  if (servers.length === 0) return;
  say(
    `imco-bridge: waiting for the commands an interrupted terraform run left in flight here (bridge server pid ${servers.join(', ')}) to finish, so that they cannot race this run`,
  );
  const until = Date.now() + maxWaitMs;
  while (servers.length > 0) {
    if (Date.now() > until) {
      say(`imco-bridge: bridge server pid ${servers.join(', ')} of an interrupted run is still busy after ${Math.round(maxWaitMs / 60000)} min; going on`);
      return;
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
    servers = interruptedServers(runDir, cwd);
  }
}
