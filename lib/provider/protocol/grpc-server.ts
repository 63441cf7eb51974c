// gRPC over node:http2, just what go-plugin's client needs: unary calls (length-prefixed
// protobuf frames in, one frame and `grpc-status` trailers out), server streams answered as empty
// streams, UNIMPLEMENTED for any other method. Handlers work on bytes; they never see HTTP/2.
/* eslint-disable @typescript-eslint/no-require-imports */
import type { IncomingHttpHeaders, ServerHttp2Stream } from 'node:http2';

export const GRPC_UNIMPLEMENTED = 12;
export const GRPC_INTERNAL = 13;
export const GRPC_INVALID_ARGUMENT = 3;

export class GrpcStatusError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** One unary method: request bytes → response bytes. `onClosed` runs once the call's stream has closed. */
export type UnaryHandler = (request: Uint8Array, call: { onClosed(cb: () => void): void }) => Promise<Uint8Array> | Uint8Array;

export interface GrpcRoutes {
  /** `/package.Service/Method` → handler. */
  readonly unary: ReadonlyMap<string, UnaryHandler>;
  /** Server-streaming methods answered with no message (go-plugin's StreamStdio). */
  readonly emptyStreams: ReadonlySet<string>;
}

/** Reads the length-prefixed messages of a gRPC request body. */
export function readFrames(body: Buffer, encoding: string | undefined): Uint8Array[] {
  const out: Uint8Array[] = [];
  let at = 0;
  while (at + 5 <= body.length) {
    const compressed = body[at] === 1;
    const size = body.readUInt32BE(at + 1);
    if (at + 5 + size > body.length) throw new GrpcStatusError(GRPC_INVALID_ARGUMENT, 'truncated gRPC message');
    const msg = body.subarray(at + 5, at + 5 + size);
    if (compressed && encoding !== 'gzip') throw new GrpcStatusError(GRPC_UNIMPLEMENTED, `unsupported grpc-encoding '${encoding ?? ''}'`);
    out.push(compressed ? (require('node:zlib') as typeof import('node:zlib')).gunzipSync(msg) : msg);
    at += 5 + size;
  }
  if (at !== body.length) throw new GrpcStatusError(GRPC_INVALID_ARGUMENT, 'truncated gRPC frame header');
  return out;
}

/** One uncompressed gRPC message frame. */
export function frame(message: Uint8Array): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt32BE(message.length, 1);
  return Buffer.concat([head, message]);
}

function trailersOnly(stream: ServerHttp2Stream, code: number, message: string): void {
  if (stream.destroyed || stream.closed || stream.headersSent) return;
  stream.respond(
    { ':status': 200, 'content-type': 'application/grpc', 'grpc-status': String(code), 'grpc-message': encodeURIComponent(message) },
    { endStream: true },
  );
}

/** Answers one HTTP/2 stream as a gRPC call. */
export function handleGrpcCall(stream: ServerHttp2Stream, headers: IncomingHttpHeaders, routes: GrpcRoutes): void {
  const path = String(headers[':path'] ?? '');
  stream.on('error', () => undefined);
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => {
    if (routes.emptyStreams.has(path)) {
      trailersOnly(stream, 0, '');
      return;
    }
    const handler = routes.unary.get(path);
    if (!handler) {
      trailersOnly(stream, GRPC_UNIMPLEMENTED, `method ${path} is not implemented by this provider`);
      return;
    }
    const call = { onClosed: (cb: () => void) => (stream.closed ? setImmediate(cb) : stream.once('close', cb)) };
    Promise.resolve()
      .then(() => {
        const frames = readFrames(Buffer.concat(chunks), headers['grpc-encoding'] as string | undefined);
        return handler(frames[0] ?? new Uint8Array(), call);
      })
      .then(
        (response) => {
          if (stream.destroyed || stream.closed) return;
          stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
          stream.once('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0' }));
          stream.end(frame(response));
        },
        (err: unknown) => {
          const code = err instanceof GrpcStatusError ? err.code : GRPC_INTERNAL;
          trailersOnly(stream, code, err instanceof Error ? err.message.split('\n')[0] : String(err));
        },
      );
  });
}
