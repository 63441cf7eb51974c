// A hostile IMCO in front of the real emulator: an mTLS server on 127.0.0.1 that presents the
// emulator's server certificate and requires a client certificate of the emulator's CA (so the
// handlers' credentials work unchanged), forwards every request to the emulator, and lets a test
// replace chosen answers: HTML pages, truncated or mistyped JSON, errors with status 200, bodies
// that trickle in a byte at a time, or no answer at all. `pass()` turns it into a plain proxy.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Agent, createServer, request as httpsRequest, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import type { RunningEmulator } from '../../../lib/emulator';

/** What the emulator answered to a forwarded request. */
export interface Upstream {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** A request as the proxy saw it. */
export interface Seen {
  readonly method: string;
  /** Path relative to /v2 (e.g. `/labels`), without the query. */
  readonly path: string;
  readonly body: Buffer;
}

/**
 * Decides the answer to one request: `forward` (default) or a hostile answer. `upstream` runs the
 * request against the emulator first (the platform acts), so a hostile answer can hide an action
 * that happened.
 */
export type Tamper = (req: Seen, res: ServerResponse, upstream: () => Promise<Upstream>) => Promise<'forward' | 'done'>;

export interface HostileProxy {
  /** `https://127.0.0.1:PORT/v2` */
  readonly endpoint: string;
  /** Hostile answers from now on. */
  tamper(t: Tamper): void;
  /** Plain forwarding from now on. */
  pass(): void;
  /** Requests answered with a hostile answer since the last `tamper`. */
  readonly tampered: number;
  close(): Promise<void>;
}

function collect(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startHostileProxy(emulator: RunningEmulator): Promise<HostileProxy> {
  const certs = join(emulator.dir, 'certs');
  const agent = new Agent({
    ca: readFileSync(emulator.caCert),
    cert: readFileSync(emulator.clientCert),
    key: readFileSync(emulator.clientKey),
    keepAlive: true,
  });
  const upstreamBase = new URL(emulator.endpoint);
  let current: Tamper | undefined;
  let tampered = 0;
  const sockets = new Set<Socket>();

  const forward = (method: string, url: string, headers: IncomingMessage['headers'], body: Buffer): Promise<Upstream> =>
    new Promise((resolve, reject) => {
      const out = httpsRequest(
        { host: upstreamBase.hostname, port: upstreamBase.port, method, path: url, agent, headers: { ...headers, host: upstreamBase.host } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const send = (res: ServerResponse, up: Upstream): void => {
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(up.headers)) if (v !== undefined && !['connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(k)) headers[k] = v;
    headers['content-length'] = String(up.body.length);
    res.writeHead(up.status, headers);
    res.end(up.body);
  };

  const server: Server = createServer(
    {
      key: readFileSync(join(certs, 'server.key')),
      cert: readFileSync(join(certs, 'server.crt')),
      ca: readFileSync(emulator.caCert),
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
    },
    (req, res) => {
      void (async () => {
        const body = await collect(req);
        const url = req.url ?? '/';
        const pathname = new URL(url, 'https://proxy.invalid').pathname;
        const seen: Seen = { method: req.method ?? 'GET', path: pathname.replace(/^\/v[23]/, ''), body };
        const upstream = () => forward(seen.method, url, req.headers, body);
        const t = current;
        if (t) {
          const verdict = await t(seen, res, upstream);
          if (verdict === 'done') {
            tampered++;
            return;
          }
        }
        send(res, await upstream());
      })().catch(() => {
        if (!res.headersSent) {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end('proxy error');
        } else res.destroy();
      });
    },
  );
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `https://127.0.0.1:${port}/v2`,
    tamper(t) {
      current = t;
      tampered = 0;
    },
    pass() {
      current = undefined;
    },
    get tampered() {
      return tampered;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Answers with a body and status, as is. */
export function answer(res: ServerResponse, status: number, body: string, contentType = 'application/json'): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

/**
 * Sends headers, then the body one byte every `everyMs` for as long as the client listens (the body
 * is `filler` repeated, announced with a Content-Length that is never reached): a slow-loris answer.
 */
export function trickle(res: ServerResponse, everyMs: number, maxMs = 600_000): void {
  const body = Buffer.from(`[${'{"id":"x","name":"slow"},'.repeat(10_000)}{}]`);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
  let i = 0;
  const started = Date.now();
  const timer = setInterval(() => {
    if (res.destroyed || i >= body.length || Date.now() - started > maxMs) {
      clearInterval(timer);
      if (!res.destroyed) res.destroy();
      return;
    }
    res.write(body.subarray(i, i + 1));
    i++;
  }, everyMs);
  res.on('close', () => clearInterval(timer));
}

/** Never answers (the connection stays open until the client gives up). */
export function hang(res: ServerResponse, maxMs = 600_000): void {
  const timer = setTimeout(() => res.destroy(), maxMs);
  res.on('close', () => clearTimeout(timer));
}
