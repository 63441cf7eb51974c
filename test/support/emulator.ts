// Test helper: starts an IMCO emulator in a fresh temporary directory (fast state machines by
// default), gives a plain mTLS `request` helper for poking it directly, and disposes of it
// (stop + remove the directory). Other suites use it as the stand-in for the IMCO platform.
import { readFileSync, promises as fs } from 'node:fs';
import { Agent, request as httpsRequest, type AgentOptions } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../lib/emulator';

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  /** Parsed JSON answer; undefined when the body is empty or not JSON. */
  readonly json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  readonly bytes: Buffer;
}

export interface RequestOptions {
  /** Sent as JSON unless `raw` is given. */
  readonly body?: unknown;
  /** Sent as is (string or bytes). */
  readonly raw?: string | Buffer;
  /** Send `raw` with chunked transfer encoding (no Content-Length), like the cio CLI's uploads. */
  readonly chunked?: boolean;
  readonly headers?: Record<string, string>;
  readonly agent?: Agent;
}

export interface TestEmulator extends RunningEmulator {
  /** mTLS request to `endpoint + path` (or to an absolute https URL such as an upload_url). */
  request(method: string, path: string, options?: RequestOptions): Promise<RawResponse>;
  /** Polls GET path until `predicate` holds (or the status is 404 when waiting for `gone`). */
  waitFor(path: string, predicate: (r: RawResponse) => boolean, timeoutMs?: number): Promise<RawResponse>;
  /**
   * Runs `fn` with state-machine steps an hour long, so transitional states can be observed
   * without racing the clock; afterwards pending steps continue at the normal tick.
   */
  frozen<T>(fn: () => Promise<T>): Promise<T>;
  /** Stops the emulator and removes its directory. */
  dispose(): Promise<void>;
}

/** TLS options of the emulator's generated client credentials. */
export function clientTls(info: { caCert: string; clientCert: string; clientKey: string }): AgentOptions {
  return { ca: readFileSync(info.caCert), cert: readFileSync(info.clientCert), key: readFileSync(info.clientKey) };
}

/** One HTTPS request with the given agent (which carries the TLS credentials). */
export function rawRequest(agent: Agent, method: string, url: string, options: RequestOptions = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const payload = options.raw !== undefined ? options.raw : options.body !== undefined ? JSON.stringify(options.body) : undefined;
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (payload !== undefined && options.raw === undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['Content-Type'] = 'application/json';
    }
    if (payload !== undefined && !options.chunked) headers['Content-Length'] = String(Buffer.byteLength(payload));
    const req = httpsRequest(url, { method, agent: options.agent ?? agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const text = bytes.toString('utf8');
        let json: unknown;
        try {
          json = text === '' ? undefined : JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json, bytes });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (payload !== undefined && options.chunked) {
      const buffer = Buffer.from(payload);
      const half = Math.max(1, Math.floor(buffer.length / 2));
      req.write(buffer.subarray(0, half));
      req.write(buffer.subarray(half));
      req.end();
    } else {
      req.end(payload);
    }
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts an emulator in a new temp dir (tickMs 10 unless given). */
export async function startTestEmulator(options: Partial<EmulatorOptions> = {}): Promise<TestEmulator> {
  const dir = options.dir ?? (await fs.mkdtemp(join(tmpdir(), 'imco-emulator-test-')));
  const tickMs = options.tickMs ?? 10;
  const running = await startEmulator({ ...options, tickMs, dir });
  const agent = new Agent({ ...clientTls(running), keepAlive: true, maxSockets: 64 });
  const url = (path: string) => (/^https:\/\//.test(path) ? path : `${running.endpoint}${path}`);
  const request = (method: string, path: string, opts: RequestOptions = {}) => rawRequest(agent, method, url(path), opts);
  const waitFor = async (path: string, predicate: (r: RawResponse) => boolean, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await request('GET', path);
      if (predicate(res)) return res;
      if (Date.now() > deadline) throw new Error(`timed out waiting on ${path}; last answer ${res.status} ${res.text.slice(0, 300)}`);
      await sleep(5);
    }
  };
  const stop = async () => {
    agent.destroy();
    await running.stop();
  };
  return {
    ...running,
    stop,
    request,
    waitFor,
    async frozen<T>(fn: () => Promise<T>): Promise<T> {
      running.setTickMs(3_600_000);
      try {
        return await fn();
      } finally {
        running.setTickMs(tickMs);
      }
    },
    async dispose() {
      await stop();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until GET path answers the given state. */
export function waitForState(emulator: TestEmulator, path: string, state: string, timeoutMs?: number): Promise<RawResponse> {
  return emulator.waitFor(path, (r) => r.status === 200 && r.json?.state === state, timeoutMs);
}

/** Waits until GET path answers 404. */
export function waitForGone(emulator: TestEmulator, path: string, timeoutMs?: number): Promise<RawResponse> {
  return emulator.waitFor(path, (r) => r.status === 404, timeoutMs);
}

/** The `CONCERTO_*` variables that point the client (and the handlers, and the provider) at `emulator`. */
export function emulatorCredentials(emulator: TestEmulator): Record<string, string> {
  return {
    CONCERTO_ENDPOINT: emulator.endpoint,
    CONCERTO_CA_CERT: emulator.caCert,
    CONCERTO_CLIENT_CERT: emulator.clientCert,
    CONCERTO_CLIENT_KEY: emulator.clientKey,
  };
}
