// Starts `imco-emulator` as a separate process, for tests whose synth calls IMCO synchronously
// (lookups, IMCO_DRIFT=plan): an in-process emulator could not answer while synth blocks the
// test's event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmulatorInfo } from '../../lib/emulator';
import { clientTls, rawRequest, type RawResponse, type RequestOptions } from './emulator';

export interface EmulatorProcess extends EmulatorInfo {
  readonly dir: string;
  readonly journalPath: string;
  request(method: string, path: string, options?: RequestOptions): Promise<RawResponse>;
  /** Stops the process and removes its directory. */
  dispose(): Promise<void>;
}

export function startEmulatorProcess(tickMs = 10): Promise<EmulatorProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'imco-emulator-proc-'));
  const bin = join(__dirname, '..', '..', 'bin', 'imco-emulator.js');
  const child: ChildProcess = spawn(process.execPath, [bin, '--dir', dir, '--port', '0', '--tick-ms', String(tickMs)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`imco-emulator exited ${String(code)} before it was ready: ${err}`)));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      const info = JSON.parse(out.slice(0, nl)) as EmulatorInfo;
      child.removeAllListeners('exit');
      const agent = new Agent({ ...clientTls(info), keepAlive: true });
      resolve({
        ...info,
        dir,
        journalPath: join(dir, 'journal.jsonl'),
        request: (method, path, options) => rawRequest(agent, method, `${info.endpoint}${path}`, options),
        dispose: () =>
          new Promise<void>((done) => {
            agent.destroy();
            child.once('exit', () => {
              rmSync(dir, { recursive: true, force: true });
              done();
            });
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
