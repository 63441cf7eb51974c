// The bridge server: one long-lived Node process per Terraform run that executes the provisioners'
// `imco-bridge` commands, so that a provisioner costs a small shell client (bin/imco-bridge.sh: a
// few forks) instead of a Node start plus the client's module load (~200 ms of CPU each; 100
// objects took 18 s of which 16 s were process starts). Each invocation still runs the exact same
// `main([verb])` as a process of its own would, given an invocation of its own
// (lib/handlers/invocation.ts): the provisioner's environment and working directory, and the
// request's output FIFO; it opens its own IMCO client. Nothing per request touches `process`
// (no `process.env` swap, no `chdir`), so concurrent invocations cannot see each other's
// environment or directory. What the invocations of a
// run share: kept-alive connections per credential set (lib/client/agent.ts) and one listing of
// the ownership labels per IMCO account (lib/handlers/run-labels.ts).
//
// Protocol, all inside the run directory `<base>/<terraform pid>-<its start time>` (mode 0700;
// the client creates it, starts this server and removes nothing):
//   pid                 this server's pid, written before `requests` appears
//   requests            FIFO; a client writes one line `r<its pid>` (shorter than PIPE_BUF: atomic)
//   r<pid>.in           FIFO the client fills: `<verb>\n<cwd>\n<its start time>\n` and a NUL; the
//                       server reads the client's environment (the provisioner's) from
//                       /proc/<pid>/environ, then checks that <pid> still has that start time
//   r<pid>.out          FIFO the server writes the invocation's stdout and stderr to
//   r<pid>.rc           the exit code, written before `.out` is closed
//   failed              written instead of `requests` when the server cannot start (one line)
//   cwd                 the directory Terraform runs in (lib/cli/interrupted-run.ts)
// The server unlinks `.in` once read and `.out` once open (the client holds its end).
// The server exits, removing the run directory, once the Terraform process is gone and no
// invocation is in flight. A starting server removes the run directories of finished runs; one
// whose Terraform was killed while its server still finishes commands makes the commands of a new
// run in the same directory wait for them (lib/cli/interrupted-run.ts).
// Nothing secret touches the disk: environments are read from the clients' /proc entries, which
// only the same user can read.
import { execFileSync } from 'node:child_process';
import { constants, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { RUN_ID_ENV } from '../spec/spec';
import { destroySharedAgents, shareAgents } from '../client/agent';
import { shareRunLabels } from '../handlers/run-labels';
import { processStartTime, recordRunCwd, sweepFinishedRuns, untilInterruptedRunsFinish } from './interrupted-run';
import type { Invocation } from '../handlers/invocation';
import { servedVerbs } from './verbs';

/** The verbs Terraform provisioners run; everything else runs as a process of its own. */
export const SERVED_VERBS: readonly string[] = servedVerbs();

const REQUEST_TIMEOUT_MS = 30_000;
const WATCH_EVERY_MS = 200;
const MAX_LIFETIME_MS = 24 * 3600 * 1000;

type Main = (argv: string[], inv: Invocation) => Promise<number>;

/** `serve <run dir>`: runs the server until the Terraform process of the run directory's name is gone. */
export async function serve(runDir: string, main: Main): Promise<number> {
  const problem = runDirProblem(runDir);
  const [pid, start] = (/(\d+)-(\d+)$/.exec(runDir) ?? []).slice(1);
  if (problem || !pid) {
    fail(runDir, problem ?? `run directory ${runDir} is not named <terraform pid>-<start time>`);
    return 1;
  }
  const terraformAlive = (): boolean => processStartTime(Number(pid)) === start;
  if (!terraformAlive()) {
    fail(runDir, `process ${pid} (started at ${start}) is not running`);
    return 1;
  }
  sweepFinishedRuns(runDir);
  shareAgents();
  shareRunLabels();
  const runId = `${pid}:${start}`;
  let inFlight = 0;
  let requests: Socket;
  try {
    writeFileSync(join(runDir, 'pid'), `${process.pid}\n`, { mode: 0o600 });
    execFileSync('mkfifo', ['-m', '600', join(runDir, 'requests.new')], { stdio: 'ignore' });
    // Read-write: the FIFO never reaches end-of-file between clients.
    const fd = openSync(join(runDir, 'requests.new'), constants.O_RDWR | constants.O_NONBLOCK);
    renameSync(join(runDir, 'requests.new'), join(runDir, 'requests'));
    requests = new Socket({ fd, readable: true, writable: false });
  } catch (err) {
    fail(runDir, `cannot create the request FIFO: ${(err as Error).message}`);
    return 1;
  }
  // Terminal interrupts reach the whole process group: Terraform itself decides what to stop, and
  // the invocations in flight finish like the processes they replace would.
  process.on('SIGINT', () => undefined);
  process.on('SIGHUP', () => undefined);
  // One invocation's stray error must not end the others: each reports its own failure.
  process.on('uncaughtException', () => undefined);
  let pending = '';
  requests.setEncoding('utf8');
  requests.on('data', (chunk: string) => {
    pending += chunk;
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const name = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      if (!/^r\d{1,10}$/.test(name)) continue;
      inFlight++;
      void handle(runDir, name, runId, main).finally(() => inFlight--);
    }
  });
  // Warm the handlers' modules while Terraform walks its graph.
  setImmediate(() => {
    for (const m of ['../handlers/reconcile', '../handlers/client-api', '../handlers/prune']) require(m);
  });
  const began = Date.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const expired = Date.now() - began > MAX_LIFETIME_MS;
      if ((inFlight === 0 && !terraformAlive()) || expired) {
        clearInterval(timer);
        resolve();
      }
    }, WATCH_EVERY_MS);
  });
  requests.destroy();
  destroySharedAgents();
  rmSync(runDir, { recursive: true, force: true });
  return 0;
}

/** Why `dir` cannot be trusted as a run directory (not ours, or open to others), if it cannot. */
function runDirProblem(dir: string): string | undefined {
  try {
    const st = statSync(dir);
    if (!st.isDirectory()) return `${dir} is not a directory`;
    if (typeof process.getuid === 'function' && st.uid !== process.getuid()) return `${dir} belongs to another user`;
    if ((st.mode & 0o077) !== 0) return `${dir} is open to other users (mode ${(st.mode & 0o777).toString(8)}); it must be 0700`;
    return undefined;
  } catch {
    return `run directory ${dir} does not exist`;
  }
}

function fail(runDir: string, message: string): void {
  try {
    mkdirSync(runDir, { recursive: true, mode: 0o700 });
    writeFileSync(join(runDir, 'failed'), `${message}\n`, { mode: 0o600 });
  } catch {
    // the client falls back to running imco-bridge itself when no server answers
  }
}

/** Directories whose interrupted runs this server has waited for (or found none). */
const clearedCwds = new Set<string>();

/** One invocation: read its request, run `main([verb])` in its scope, stream its output, report its exit code. */
async function handle(runDir: string, name: string, runId: string, main: Main): Promise<void> {
  const base = join(runDir, name);
  let out: Socket | undefined;
  try {
    rmSync(`${base}.rc`, { force: true });
    const request = await readRequest(`${base}.in`, Number(name.slice(1)));
    rmSync(`${base}.in`, { force: true });
    out = await openForWriting(`${base}.out`);
    rmSync(`${base}.out`, { force: true });
    const sink = out;
    if (request.cwd && !clearedCwds.has(request.cwd)) {
      // Once, per directory and run: an interrupted run cannot start later than this one.
      recordRunCwd(runDir, request.cwd);
      await untilInterruptedRunsFinish(runDir, request.cwd, (line) => void sink.write(`${line}\n`));
      clearedCwds.add(request.cwd);
    }
    let code: number;
    if (!SERVED_VERBS.includes(request.verb)) {
      sink.write(`imco-bridge: the bridge server does not run '${request.verb}'\n`);
      code = 2;
    } else {
      code = await main([request.verb], invocationOf(request, runId, sink)).catch(() => 1);
    }
    writeFileSync(`${base}.rc`, `${code}\n`);
  } catch {
    // A client that died (Terraform cancelled it) leaves nothing to answer.
  } finally {
    if (out) await new Promise<void>((resolve) => out!.end(() => resolve()));
    out?.destroy();
  }
}

/** The surroundings of one request: the client's environment and directory, output to its FIFO. */
function invocationOf(request: Request, runId: string, sink: Socket): Invocation {
  const write = (text: string): void => void sink.write(text);
  return {
    env: { ...request.env, [RUN_ID_ENV]: runId },
    cwd: request.cwd || process.cwd(),
    stdout: write,
    stderr: write,
  };
}

interface Request {
  readonly verb: string;
  readonly cwd: string;
  readonly env: Record<string, string>;
}

/** The environment a process started with (NUL-separated `KEY=value` entries). */
function environOf(pid: number): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')) {
    const eq = entry.indexOf('=');
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return env;
}

/** Reads `<verb>\n<cwd>\n<start time>\n` + NUL from the client's FIFO, and the client's environment. */
function readRequest(path: string, clientPid: number): Promise<Request> {
  // Read-write: opening never blocks and never sees end-of-file before the client has written.
  const fd = openSync(path, constants.O_RDWR | constants.O_NONBLOCK);
  const socket = new Socket({ fd, readable: true, writable: false });
  return new Promise<Request>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('request timed out'));
    }, REQUEST_TIMEOUT_MS);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const all = Buffer.concat(chunks);
      if (all.length < 1 || all[all.length - 1] !== 0) return;
      clearTimeout(timer);
      socket.destroy();
      const [verb, cwd, started] = all.subarray(0, all.length - 1).toString('utf8').split('\n');
      try {
        const env = environOf(clientPid);
        // Read first, checked after: a client gone meanwhile (its pid reused) is not answered.
        if (!started || processStartTime(clientPid) !== started) throw new Error(`client ${clientPid} is gone`);
        resolve({ verb, cwd, env });
      } catch (err) {
        reject(err as Error);
      }
    });
    socket.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/** Opens a FIFO for writing once its reader (the client's `cat`) has opened it. */
async function openForWriting(path: string): Promise<Socket> {
  const until = Date.now() + REQUEST_TIMEOUT_MS;
  for (let wait = 1; ; wait = Math.min(wait * 2, 20)) {
    try {
      const fd = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
      const socket = new Socket({ fd, readable: false, writable: true });
      socket.on('error', () => undefined);
      return socket;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENXIO' || Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}
