// terraform-provider-imco's start-up as Terraform sees it: spawn → the handshake line on stdout,
// with go-plugin's environment (magic cookie, protocol versions, a client certificate for AutoMTLS),
// each run paired with a bare `node -e 0` so that a busy machine shows in both. Used by the bench
// (`provider_start_ms`) and by `scripts/measure-provider-startup.js` (a command-line front end).
import { spawn } from 'node:child_process';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from '../lib/provider/handshake';
import { selfSignedCert } from '../lib/provider/self-signed-cert';

export interface ProviderStartup {
  /** Spawn → first stdout bytes (the handshake line) of each provider run, ms. */
  readonly provider: number[];
  /** Spawn → exit of the bare `node -e 0` run paired with each provider run, ms. */
  readonly bare: number[];
  /** provider[i] − bare[i]: the provider's own share of each pair, ms. */
  readonly own: number[];
}

/** Spawns `command` and resolves with the ms until its first stdout bytes (then kills it), or until it exits. */
function timed(command: string, args: readonly string[], env: NodeJS.ProcessEnv, untilStdout: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(command, [...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const ms = () => Number(process.hrtime.bigint() - t0) / 1e6;
    let settled = false;
    if (untilStdout) {
      child.stdout.once('data', (d: Buffer) => {
        settled = true;
        const elapsed = ms();
        child.kill('SIGKILL');
        if (!/^1\|6\|unix\|/.test(d.toString())) reject(new Error(`${command} printed something other than a handshake line: ${d.toString().slice(0, 200)}`));
        else resolve(elapsed);
      });
    }
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (settled) return;
      if (untilStdout) reject(new Error(`${command} exited (${String(code ?? signal)}) before its handshake line: ${stderr.trim().slice(0, 400)}`));
      else if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited ${String(code ?? signal)}`));
      else resolve(ms());
    });
  });
}

/** `runs` provider starts of `bundle`, each followed by a `node -e 0`. */
export async function measureProviderStartup(bundle: string, runs: number): Promise<ProviderStartup> {
  const client = selfSignedCert();
  const env = { ...process.env, [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE, PLUGIN_PROTOCOL_VERSIONS: '5,6', PLUGIN_CLIENT_CERT: client.certPem };
  const provider: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    provider.push(await timed(bundle, [], env, true));
    bare.push(await timed(process.execPath, ['-e', '0'], process.env, false));
  }
  return { provider, bare, own: provider.map((p, i) => p - bare[i]) };
}
