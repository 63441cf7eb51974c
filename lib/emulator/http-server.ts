// The HTTPS front: mutual TLS (only the emulator's CA is trusted for client certificates; clients
// without one or with a foreign one fail the handshake), TLS 1.2+, HTTP/1.1 keep-alive. Per
// request: read the body, draw a fault, add latency, route and run the handler (or serve an
// upload/download), answer JSON, and journal the exchange. Never logs request bodies.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerCredentials } from './certs';
import type { EmulatorServices } from './services';
import type { ApiResponse, Handler } from './exchange';
import type { FaultDecision, FaultInjector } from './faults';
import { ApiError, badRequest, methodNotAllowed, notFound } from './http-errors';
import type { Journal } from './journal';
import { redactSecrets } from './redaction';
import { apiRelativePath, type Router } from './router';
import { DOWNLOAD_PREFIX, MAX_UPLOAD_BYTES, UPLOAD_PREFIX, receiveUpload, sendDownload } from './uploads';
import { isPlainObject } from './fields';

export const MAX_JSON_BYTES = 8 * 1024 * 1024;
/** Paths never given faults (health checks must stay reliable). */
export const FAULT_EXEMPT_PATHS = ['/ping'];

export interface Pipeline {
  readonly ctx: EmulatorServices;
  readonly router: Router<Handler>;
  readonly journal: Journal;
  readonly faults: FaultInjector;
  latencyMs(): number;
}

class BodyTooLarge extends Error {}
class ClientGone extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    req.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) {
        reject(new BodyTooLarge(`request body exceeds ${limit} bytes`));
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks, length)));
    req.on('error', () => reject(new ClientGone('client connection failed while sending the body')));
    // A client that goes away mid-body ends neither with 'end' nor always with 'error'.
    req.on('close', () => {
      if (!req.complete) reject(new ClientGone('client closed the connection before sending the whole body'));
    });
  });
}

type ParsedBody = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

function parseJson(raw: Buffer): ParsedBody {
  if (raw.length === 0) return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(raw.toString('utf8')) };
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function faultAnswer(fault: Extract<FaultDecision, { type: 'status' }>): ApiResponse {
  const retry = fault.retryAfterSeconds;
  const text = fault.status === 429 ? 'too many requests' : fault.status === 503 ? 'service temporarily unavailable' : 'internal server error';
  return {
    status: fault.status,
    json: { error: `${text}${retry !== undefined ? `; retry after ${retry} s` : ''} (fault injected by imco-emulator --faults)` },
    headers: retry !== undefined ? { 'Retry-After': String(retry) } : {},
  };
}

function errorAnswer(err: unknown): ApiResponse {
  if (err instanceof ApiError) return { status: err.status, json: err.body, headers: err.headers };
  process.stderr.write(`imco-emulator: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
  return { status: 500, json: { error: `internal emulator error: ${(err as Error)?.message ?? String(err)}` } };
}

async function dispatch(p: Pipeline, req: IncomingMessage, url: URL, raw: Buffer, parsed: ParsedBody): Promise<ApiResponse> {
  const method = req.method ?? 'GET';
  const pathname = url.pathname;
  if (pathname.startsWith(UPLOAD_PREFIX)) {
    if (method !== 'PUT') throw methodNotAllowed(method, pathname, ['PUT']);
    return receiveUpload(p.ctx, pathname.slice(UPLOAD_PREFIX.length), raw);
  }
  if (pathname.startsWith(DOWNLOAD_PREFIX)) {
    if (method !== 'GET') throw methodNotAllowed(method, pathname, ['GET']);
    return sendDownload(p.ctx, pathname.slice(DOWNLOAD_PREFIX.length));
  }
  const path = apiRelativePath(pathname);
  if (path === undefined) throw notFound(`no such path: ${pathname}; the API lives under /v2`);
  const route = p.router.resolve(method, path, pathname);
  if (!parsed.ok) throw badRequest(`request body is not valid JSON (${parsed.message}); send a JSON object`);
  if (parsed.value !== null && !isPlainObject(parsed.value)) throw badRequest('request body must be a JSON object (or empty, or null)');
  return route.handler(p.ctx, {
    method,
    path,
    params: route.params,
    query: url.searchParams,
    body: (parsed.value as Record<string, unknown> | null) ?? {},
    raw,
    headers: req.headers,
  });
}

function send(res: ServerResponse, answer: ApiResponse): void {
  const headers: Record<string, string | number> = { ...(answer.headers ?? {}) };
  let payload: Buffer | undefined;
  if (answer.bytes) payload = answer.bytes;
  else if (answer.json !== undefined && answer.status !== 204) {
    payload = Buffer.from(JSON.stringify(answer.json));
    headers['Content-Type'] = 'application/json; charset=utf-8';
  }
  headers['Content-Length'] = payload?.length ?? 0;
  res.writeHead(answer.status, headers);
  res.end(payload);
}

export async function handleRequest(p: Pipeline, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = process.hrtime.bigint();
  const method = req.method ?? 'GET';
  const rawUrl = req.url ?? '/';
  const url = new URL(`https://emulator.invalid${rawUrl.startsWith('/') ? rawUrl : `/${rawUrl}`}`);
  const isTransfer = url.pathname.startsWith(UPLOAD_PREFIX) || url.pathname.startsWith(DOWNLOAD_PREFIX);
  const record = (status: number, body: unknown, fault?: string) =>
    p.journal.append({
      time: new Date().toISOString(),
      method,
      path: rawUrl,
      status,
      durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
      body,
      ...(fault ? { fault } : {}),
    });

  let raw: Buffer;
  try {
    raw = await readBody(req, isTransfer ? MAX_UPLOAD_BYTES : MAX_JSON_BYTES);
  } catch (err) {
    if (err instanceof ClientGone) {
      record(0, null, undefined);
      return;
    }
    const answer = err instanceof BodyTooLarge ? { status: 413, json: { error: `${err.message}; send a smaller body` } } : errorAnswer(err);
    record(answer.status, null);
    res.setHeader('Connection', 'close');
    send(res, answer);
    return;
  }
  const parsed = isTransfer ? ({ ok: true, value: null } as const) : parseJson(raw);
  const journalBody = isTransfer
    ? raw.length
    : parsed.ok
      ? redactSecrets(parsed.value)
      : `[unparseable: ${raw.length} bytes]`;

  const apiPath = apiRelativePath(url.pathname);
  const fault = apiPath !== undefined && FAULT_EXEMPT_PATHS.includes(apiPath) ? undefined : p.faults.decide();
  const latency = p.latencyMs();
  if (latency > 0) await sleep(latency);

  if (fault?.type === 'status') {
    const answer = faultAnswer(fault);
    record(answer.status, journalBody, String(fault.status));
    send(res, answer);
    return;
  }
  if (fault?.type === 'reset' && fault.when === 'before') {
    record(0, journalBody, 'reset:before');
    req.socket.destroy();
    return;
  }
  let answer: ApiResponse;
  try {
    answer = await dispatch(p, req, url, raw, parsed);
  } catch (err) {
    answer = errorAnswer(err);
  }
  if (fault?.type === 'reset') {
    record(answer.status, journalBody, 'reset:after');
    req.socket.destroy();
    return;
  }
  record(answer.status, journalBody);
  send(res, answer);
}

export function createApiServer(credentials: ServerCredentials, pipeline: Pipeline): Server {
  const server = createServer(
    {
      key: credentials.serverKeyPem,
      cert: credentials.serverCertPem,
      ca: [credentials.caPem],
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
      ALPNProtocols: ['http/1.1'],
    },
    (req, res) => {
      handleRequest(pipeline, req, res).catch((err: unknown) => {
        process.stderr.write(`imco-emulator: request failed: ${(err as Error)?.message ?? String(err)}\n`);
        if (!res.headersSent) send(res, errorAnswer(err));
        else res.destroy();
      });
    },
  );
  server.keepAliveTimeout = 30_000;
  server.on('tlsClientError', () => undefined);
  return server;
}
