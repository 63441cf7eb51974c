// The machine a benchmark run measured on: cores, CPU model, memory, Node and Terraform versions,
// and the load average before and after (other processes on a shared machine skew the figures).
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

export interface MachineInfo {
  readonly cores: number;
  readonly cpu: string;
  readonly memory_gb: number;
  readonly node: string;
  readonly terraform: string;
  readonly platform: string;
  readonly load_average_1m: number;
}

/** `Terraform v1.11.4` → `1.11.4`; `unknown` when the binary is missing. */
export function terraformVersion(): string {
  try {
    const out = execFileSync('terraform', ['version', '-json'], {
      encoding: 'utf8',
      env: { ...process.env, CHECKPOINT_DISABLE: '1' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return String((JSON.parse(out) as { terraform_version?: string }).terraform_version ?? 'unknown');
  } catch {
    return 'unknown';
  }
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cores: list.length,
    cpu: list[0]?.model.trim() ?? 'unknown',
    memory_gb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    terraform: terraformVersion(),
    platform: `${process.platform}-${process.arch}`,
    load_average_1m: Number(loadavg()[0].toFixed(2)),
  };
}

/** One line naming the machine, e.g. `2 cores, Node v20.20.2, Terraform 1.11.4`. */
export function machineLine(m: MachineInfo): string {
  return `${m.cores} cores, Node ${m.node}, Terraform ${m.terraform}`;
}
