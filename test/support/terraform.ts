// Runs the real `terraform` binary for end-to-end tests: no checkpoint calls, an empty CLI config,
// and the emulator's credentials in the environment (as a user's CI would have them). Set
// IMCO_E2E_LOG=<file> to follow terraform's output while a test runs.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TerraformResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let cliConfig: string | undefined;

/** An empty Terraform CLI configuration file, shared by the whole test run. */
export function emptyCliConfig(): string {
  if (!cliConfig) {
    const dir = mkdtempSync(join(tmpdir(), 'imco-tfrc-'));
    cliConfig = join(dir, 'terraformrc');
    writeFileSync(cliConfig, '');
  }
  return cliConfig;
}

export interface TerraformRunOptions {
  readonly env?: Readonly<Record<string, string>>;
  /** Called with the child process right after spawn (crash tests kill it). */
  readonly onSpawn?: (child: import('node:child_process').ChildProcess) => void;
}

/** Runs `terraform <args>` in `dir`. */
export function terraform(dir: string, args: readonly string[], opts: TerraformRunOptions = {}): Promise<TerraformResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('terraform', [...args], {
      cwd: dir,
      env: {
        ...process.env,
        CHECKPOINT_DISABLE: '1',
        TF_CLI_CONFIG_FILE: emptyCliConfig(),
        TF_IN_AUTOMATION: '1',
        TF_INPUT: '0',
        ...opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const log = process.env.IMCO_E2E_LOG;
    const tee = (d: Buffer) => {
      if (log) appendFileSync(log, d);
    };
    if (log) appendFileSync(log, `\n$ terraform ${args.join(' ')}  (in ${dir})\n`);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      tee(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      tee(d);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    opts.onSpawn?.(child);
  });
}

/** Runs terraform and fails with its output when it does not exit with one of `codes`. */
export async function terraformOk(dir: string, args: readonly string[], opts: TerraformRunOptions = {}, codes: readonly number[] = [0]): Promise<TerraformResult> {
  const r = await terraform(dir, args, opts);
  if (!codes.includes(r.code ?? -1)) {
    throw new Error(`terraform ${args.join(' ')} exited ${String(r.code)}\n--- stdout\n${r.stdout.slice(-6000)}\n--- stderr\n${r.stderr.slice(-6000)}`);
  }
  return r;
}
