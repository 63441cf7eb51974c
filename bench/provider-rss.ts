// Peak memory of the provider processes a `terraform` run starts: polls /proc for the children of
// the terraform process whose command line names terraform-provider-imco and keeps each one's
// VmHWM (the kernel's own peak resident set size, so a coarse poll still sees the true peak).
// Also the CPU time of those processes and of terraform itself. Linux only; elsewhere it reports no process.
import { readdirSync, readFileSync } from 'node:fs';

export interface ProviderRss {
  /** Provider processes seen (one per start: Terraform starts the provider 3–5 times per command). */
  readonly processes: number;
  /** Highest VmHWM among them, MB (0 when none was seen). */
  readonly peakMb: number;
  /** Each process's peak, MB, in the order first seen. */
  readonly peaksMb: number[];
  /** CPU seconds (user + system) of all of them, as last seen (a process's last 25 ms may be missed). */
  readonly cpuS: number;
  /** Each process's CPU seconds, in the order first seen. */
  readonly cpuPerProcessS: number[];
  /** CPU seconds of the watched process itself (terraform), as last seen. */
  readonly parentCpuS: number;
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
  const cpu = new Map<number, number>();
  let parentCpu = 0;
  /** utime + stime (fields 14 and 15 of /proc/<pid>/stat, clock ticks of 1/100 s on Linux), seconds. */
  const cpuOf = (pid: number): number | undefined => {
    const stat = read(`/proc/${pid}/stat`);
    const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields ? (Number(fields[11]) + Number(fields[12])) / 100 : undefined;
  };
  const poll = (): void => {
    parentCpu = cpuOf(parent) ?? parentCpu;
    for (const pid of childrenOf(parent)) {
      const cmdline = read(`/proc/${pid}/cmdline`);
      if (!cmdline || !match.test(cmdline)) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(read(`/proc/${pid}/status`) ?? '');
      if (hwm) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, Number(hwm[1]) / 1024));
      const used = cpuOf(pid);
      if (used !== undefined) cpu.set(pid, used);
    }
  };
  const timer = setInterval(poll, POLL_MS);
  return {
    stop() {
      clearInterval(timer);
      const peaksMb = [...peaks.values()].map((mb) => Math.round(mb * 10) / 10);
      const cpuS = Math.round([...cpu.values()].reduce((a, b) => a + b, 0) * 100) / 100;
      return { processes: peaksMb.length, peakMb: peaksMb.length ? Math.max(...peaksMb) : 0, peaksMb, cpuS, cpuPerProcessS: [...peaks.keys()].map((pid) => cpu.get(pid) ?? 0), parentCpuS: parentCpu };
    },
  };
}
