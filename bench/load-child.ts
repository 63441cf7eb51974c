// Child process of the emulator throughput benchmark: C concurrent mTLS clients (one keep-alive
// connection each, a minimal HTTP/1.1 client so the load generator costs little) GET list endpoints
// in a loop for a fixed window after a short warm-up, on 127.0.0.1 only. Job JSON in argv[2]; prints
// one JSON line.
import { readFileSync } from 'node:fs';
import { connect, type TLSSocket } from 'node:tls';
import type { BenchTarget } from './emulators';

export interface LoadJob {
  readonly target: BenchTarget;
  readonly clients: number;
  readonly warmupMs: number;
  readonly durationMs: number;
  /** Paths relative to the endpoint, requested in turn. */
  readonly paths: readonly string[];
}

export interface LoadReport {
  readonly requests: number;
  readonly errors: number;
  readonly seconds: number;
  readonly rps: number;
  readonly p50_ms: number;
  readonly p99_ms: number;
}

/**
 * One keep-alive mTLS connection speaking minimal HTTP/1.1: writes a GET, reads the status line and
 * Content-Length, waits for the whole body. Much cheaper per request than node:https, so the
 * emulator, not the load generator, is what saturates.
 */
class Connection {
  private buffer: Buffer = Buffer.alloc(0);
  private waiting?: { resolve: (status: number) => void; reject: (err: Error) => void };

  private constructor(private readonly socket: TLSSocket, private readonly host: string) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.tryComplete();
    });
    const fail = (err: Error) => {
      const w = this.waiting;
      this.waiting = undefined;
      w?.reject(err);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed')));
  }

  static open(url: URL, tls: { ca: Buffer; cert: Buffer; key: Buffer }): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: url.hostname, port: Number(url.port), ...tls, minVersion: 'TLSv1.2', ALPNProtocols: ['http/1.1'] }, () =>
        resolve(new Connection(socket, url.host)),
      );
      socket.once('error', reject);
    });
  }

  get(path: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(`GET ${path} HTTP/1.1\r\nHost: ${this.host}\r\nAccept: application/json\r\n\r\n`);
    });
  }

  private tryComplete(): void {
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end < 0 || !this.waiting) return;
    const head = this.buffer.subarray(0, end).toString('latin1');
    const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
    if (this.buffer.length < end + 4 + length) return;
    this.buffer = this.buffer.subarray(end + 4 + length);
    const w = this.waiting;
    this.waiting = undefined;
    w.resolve(Number(head.slice(9, 12)));
  }

  close(): void {
    this.socket.destroy();
  }
}

async function main(): Promise<void> {
  const job = JSON.parse(readFileSync(process.argv[2], 'utf8')) as LoadJob;
  const tls = { ca: readFileSync(job.target.caCert), cert: readFileSync(job.target.clientCert), key: readFileSync(job.target.clientKey) };
  const url = new URL(job.target.endpoint);
  if (url.hostname !== '127.0.0.1') throw new Error(`the load test runs on loopback only, not ${url.hostname}`);
  const start = Date.now();
  const windowStart = start + job.warmupMs;
  const windowEnd = windowStart + job.durationMs;
  let requests = 0;
  let errors = 0;
  const latencies: number[] = [];
  const base = url.pathname.replace(/\/+$/, '');
  const client = async (n: number): Promise<void> => {
    let conn = await Connection.open(url, tls);
    for (let i = n; Date.now() < windowEnd; i++) {
      const t0 = performance.now();
      let ok = false;
      try {
        ok = (await conn.get(`${base}${job.paths[i % job.paths.length]}`)) === 200;
      } catch {
        ok = false;
        conn.close();
        conn = await Connection.open(url, tls);
      }
      const done = Date.now();
      if (done >= windowStart && done <= windowEnd) {
        if (ok) {
          requests++;
          latencies.push(performance.now() - t0);
        } else errors++;
      }
    }
    conn.close();
  };
  await Promise.all(Array.from({ length: job.clients }, (_, n) => client(n)));
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  const seconds = job.durationMs / 1000;
  const report: LoadReport = { requests, errors, seconds, rps: requests / seconds, p50_ms: at(0.5), p99_ms: at(0.99) };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`load: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
