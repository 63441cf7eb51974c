// Serves a ProviderDefinition as a Terraform plugin: checks the handshake environment, starts the
// gRPC server on a unix socket (AutoMTLS: a fresh self-signed server certificate, the client
// certificate from PLUGIN_CLIENT_CERT required and verified, ALPN h2), prints the handshake line,
// answers go-plugin's Shutdown (then exits) and StreamStdio (an empty stream), ignores SIGINT
// (Terraform cancels with StopProvider), and exits when Terraform's connection goes away.
// Start-up is what Terraform waits for 3–5 times per command: the handshake line goes out before
// the protocol descriptors, the value codec or the definition's resources are touched, and before
// node:http2 is loaded (~15 ms): the socket listens with node:net (loaded with Node itself) and
// hands each connection to the HTTP/2 server, made right after the line while Terraform dials.
/* eslint-disable @typescript-eslint/no-require-imports */
import type { Http2Server, Http2SecureServer, ServerHttp2Session } from 'node:http2';
import { createServer as createListener, type Server as Listener, type Socket } from 'node:net';
import { unlinkSync } from 'node:fs';
import type { ProviderDefinition } from './resource-type';
import { handshakeLine, handshakeProblem, socketPath, type Env } from './handshake';
import { handleGrpcCall, type GrpcRoutes, type UnaryHandler } from './protocol/grpc-server';
import { selfSignedCert } from './self-signed-cert';

/** How long the process waits for a new connection once the last one has closed. */
const ORPHAN_GRACE_MS = 1000;
/** How long it waits for Terraform's first connection (go-plugin's own start timeout is 1 min). */
const FIRST_CONNECTION_MS = 120_000;
/** How long Shutdown waits for the client to close its connection before exiting anyway. */
const EXIT_GRACE_MS = 200;

export interface ServeOptions {
  readonly env?: Env;
  /** Where the handshake line goes (stdout). */
  readonly out?: (line: string) => void;
  /** Ends the process (process.exit). */
  readonly exit?: (code: number) => void;
}

/**
 * Starts serving; resolves with the socket path once the handshake line is out. `definition` may
 * be a function: it is then called at the first RPC, after the handshake line (Terraform dials and
 * negotiates TLS meanwhile), so building the resources does not delay the handshake.
 */
export function serve(definition: ProviderDefinition | (() => ProviderDefinition), opts: ServeOptions = {}): Promise<string> {
  const env = opts.env ?? process.env;
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  const problem = handshakeProblem(env);
  if (problem) {
    process.stderr.write(`${problem}\n`);
    exit(1);
    return Promise.reject(new Error(problem));
  }
  // Nothing but the handshake line may reach stdout: stray console output goes to Terraform's log.
  console.log = console.info = console.debug = console.error;
  process.on('SIGINT', () => undefined);

  const socket = socketPath(env);
  const clientCert = env.PLUGIN_CLIENT_CERT;
  const cert = clientCert ? selfSignedCert() : undefined;

  let ended = false;
  const sessions = new Set<ServerHttp2Session>();
  let h2: Http2Server | Http2SecureServer | undefined;
  /** The HTTP/2 server (TLS: the client certificate required and verified, ALPN h2), made once. */
  const http2 = (): Http2Server | Http2SecureServer => {
    if (h2) return h2;
    const { createSecureServer, createServer } = require('node:http2') as typeof import('node:http2');
    h2 = cert
      ? createSecureServer({ key: cert.keyPem, cert: cert.certPem, ca: [clientCert as string], requestCert: true, rejectUnauthorized: true, ALPNProtocols: ['h2'] })
      : createServer();
    trackSessions(h2, sessions, () => end(0));
    h2.on('stream', (stream, headers) => handleGrpcCall(stream, headers, routes.get()));
    return h2;
  };
  const listener: Listener = createListener((connection: Socket) => http2().emit('connection', connection));
  const orphanTimer = setTimeout(() => end(0), FIRST_CONNECTION_MS).unref();
  listener.once('connection', () => clearTimeout(orphanTimer));
  /** Closes the connections gracefully (GOAWAY, so the Shutdown answer is read), then exits. */
  const end = (code: number): void => {
    if (ended) return;
    ended = true;
    listener.close();
    try {
      unlinkSync(socket);
    } catch {
      // already gone
    }
    const open = [...sessions].filter((s) => !s.closed);
    let waiting = open.length;
    if (waiting === 0) return exit(code);
    setTimeout(() => exit(code), EXIT_GRACE_MS).unref();
    for (const s of open) {
      s.once('close', () => --waiting === 0 && exit(code));
      s.close();
    }
  };

  const shutdown: UnaryHandler = (_req, call) => {
    call.onClosed(() => end(0));
    return new Uint8Array();
  };
  const routes = lazyRoutes(definition, shutdown);

  return new Promise((resolve, reject) => {
    const announce = (): void => {
      (opts.out ?? ((l: string) => process.stdout.write(l)))(handshakeLine(socket, cert?.der));
      resolve(socket);
      // The rest of the start-up overlaps with Terraform's dial and TLS handshake.
      setImmediate(() => {
        http2();
        routes.warmUp();
      });
    };
    listener.once('error', reject);
    listener.listen(socket);
    // A unix socket listens as soon as listen() returns: no need to wait for the 'listening' tick.
    if (listener.listening) announce();
    else listener.once('listening', announce);
  });
}

/** The RPC routes, built at the first call (or warm-up): the handshake line needs none of them. */
function lazyRoutes(definition: ProviderDefinition | (() => ProviderDefinition), shutdown: UnaryHandler): { get(): GrpcRoutes; warmUp(): void } {
  let service: import('./protocol/provider-service').ProviderService | undefined;
  let routes: GrpcRoutes | undefined;
  const get = (): GrpcRoutes => {
    if (!routes) {
      const { ProviderService } = require('./protocol/provider-service') as typeof import('./protocol/provider-service');
      service = new ProviderService(definition);
      routes = {
        unary: new Map<string, UnaryHandler>([...service.routes(), ['/plugin.GRPCController/Shutdown', shutdown]]),
        emptyStreams: new Set(['/plugin.GRPCStdio/StreamStdio']),
      };
    }
    return routes;
  };
  return {
    get,
    warmUp: () => {
      get();
      service?.warmUp();
    },
  };
}

/**
 * Keeps `open` to the server's open connections. Calls `orphaned` when the last one has closed and
 * no new one came within the grace period (Terraform gone: the provider does not outlive it).
 */
function trackSessions(server: Http2Server | Http2SecureServer, open: Set<ServerHttp2Session>, orphaned: () => void): void {
  let timer: NodeJS.Timeout | undefined;
  server.on('session', (session: ServerHttp2Session) => {
    open.add(session);
    if (timer) clearTimeout(timer);
    session.on('error', () => undefined);
    session.on('close', () => {
      open.delete(session);
      if (open.size === 0) timer = setTimeout(orphaned, ORPHAN_GRACE_MS);
    });
  });
}
