// Peak memory of the provider processes a `terraform` run starts: polls /proc for the children of
// the terraform process whose command line names terraform-provider-imco and keeps each one's
// VmHWM (the kernel's own peak resident set size, so a coarse poll still sees the true peak).
// Linux only; elsewhere it reports no process.
import { readdirSync, readFileSync } from 'node:fs';

export interface ProviderRss {
  /** Provider processes seen (one per start: Terraform starts the provider 3–5 times per command). */
  readonly processes: number;
  /** Highest VmHWM among them, MB (0 when none was seen). */
  readonly peakMb: number;
  /** Each process's peak, MB, in the order first seen. */
  readonly peaksMb: number[];
}

export interface RssWatch {
  stop(): ProviderRss;
}

const POLL_MS = 25;

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process is gone (or /proc is absent)
  }
}

/** The pids whose parent is `parent`: from each thread's `children` list (a Go program forks from any thread), else a scan of /proc. */
function childrenOf(parent: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${parent}/task`);
  } catch {
    return [];
  }
  const lists = tasks.map((t) => read(`/proc/${parent}/task/${t}/children`));
  if (lists.every((l) => l !== undefined)) return lists.join(' ').split(/\s+/).filter(Boolean).map(Number);
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .map(Number)
    .filter((pid) => {
      const stat = read(`/proc/${pid}/stat`);
      // pid (comm) state ppid …: comm may hold spaces, so split after its closing parenthesis.
      return stat !== undefined && Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent;
    });
}

/** Starts watching the provider children of the process `parent`; `stop()` returns what it saw. */
export function watchProviderRss(parent: number, match = /terraform-provider-imco/): RssWatch {
  const peaks = new Map<number, number>();
  const poll = (): void => {
    for (const pid of childrenOf(parent)) {
      const cmdline = read(`/proc/${pid}/cmdline`);
      if (!cmdline || !match.test(cmdline)) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(read(`/proc/${pid}/status`) ?? '');
      if (hwm) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, Number(hwm[1]) / 1024));
    }
  };
  const timer = setInterval(poll, POLL_MS);
  return {
    stop() {
      clearInterval(timer);
      const peaksMb = [...peaks.values()].map((mb) => Math.round(mb * 10) / 10);
      return { processes: peaksMb.length, peakMb: peaksMb.length ? Math.max(...peaksMb) : 0, peaksMb };
    },
  };
}
