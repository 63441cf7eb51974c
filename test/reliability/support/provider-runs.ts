// What the provider-flavour reliability suites share about terraform runs: repeating a command until
// it succeeds, Terraform's own trace log into the run directory (for the secret scan), the
// diagnostics terraform printed, and the terraform-provider-imco processes a run started.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suiteDir } from './run';
import { tf, type TfOptions, type TfResult } from './terraform';

/** Runs `terraform <args>` in `dir` until it succeeds, at most `max` times; returns every run. */
export async function untilSuccess(dir: string, args: readonly string[], opts: TfOptions, max: number): Promise<TfResult[]> {
  const runs: TfResult[] = [];
  for (let i = 0; i < max; i++) {
    const r = await tf(dir, args, opts);
    runs.push(r);
    if (r.code === 0) break;
  }
  return runs;
}

let logs = 0;

/** TF_LOG=trace into a new file `RUN/<suite>/tf-trace-<n>.log` (Terraform's and the provider's log lines). */
export function tfLogEnv(suite: string): Record<string, string> {
  logs++;
  return { TF_LOG: 'trace', TF_LOG_PATH: join(suiteDir(suite), `tf-trace-${logs}.log`) };
}

/** One diagnostic of terraform's output: its summary line, the detail and the resource address. */
export interface PrintedDiagnostic {
  readonly summary: string;
  readonly lines: readonly string[];
  /** `imco_firewall_profile.x` of the `with …,` line, when there is one. */
  readonly address?: string;
}

/**
 * The error diagnostics terraform printed: with -no-color each starts with a line `Error: <summary>`
 * (inside a `╷ │ ╵` box when terraform draws one) and runs until the next diagnostic or the end.
 */
export function diagnostics(output: string): PrintedDiagnostic[] {
  const lines = output.split('\n').map((l) => l.replace(/^[│╷╵] ?/, '').trimEnd());
  const out: PrintedDiagnostic[] = [];
  let current: string[] | undefined;
  const close = () => {
    if (!current) return;
    const body = current.filter((l) => l.trim() !== '');
    const withLine = body.find((l) => /^\s*with [\w.[\]"-]+,$/.test(l));
    out.push({ summary: body[0].slice('Error: '.length), lines: body, address: withLine?.trim().replace(/^with /, '').replace(/,$/, '') });
    current = undefined;
  };
  for (const l of lines) {
    if (/^(Error|Warning): /.test(l) || /^\$ terraform /.test(l)) close();
    if (l.startsWith('Error: ')) current = [l];
    else current?.push(l);
  }
  close();
  return out;
}

/** Summaries of the error diagnostics of some runs. */
export function providerErrors(runs: readonly TfResult[]): string[] {
  return runs.flatMap((r) => diagnostics(r.stdout + r.stderr).map((d) => `${d.address ?? '-'}: ${d.summary}`));
}

/** `pid (comm) state ppid …` of /proc/<pid>/stat → ppid. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** Running terraform-provider-imco processes that are children of process `parent` (Terraform starts the provider itself). */
export function providerChildren(parent: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    try {
      if (parentOf(pid) !== parent) continue;
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmdline.includes('terraform-provider-imco')) out.push(pid);
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}
