// The mutual-TLS agent: one keep-alive `https.Agent` presenting the client certificate and trusting
// ONLY the configured CA (no system roots), TLS 1.2 minimum, verification always on (set explicitly,
// so NODE_TLS_REJECT_UNAUTHORIZED=0 cannot switch it off). Also answers whether a failed request's
// TLS handshake had completed, which tells "never reached IMCO" from "outcome unknown".
import * as https from 'node:https';
import * as net from 'node:net';
import * as tls from 'node:tls';
import type { LoadedCredentials } from './credentials';

export interface AgentOptions {
  /** Most concurrent connections to the endpoint (default 16). */
  readonly maxSockets?: number;
}

/**
 * TLS contexts by credential content: building one parses the key and the CA (milliseconds of CPU),
 * and Node would build one per connection from PEM options. A process keeps at most a few.
 */
const contexts = new Map<string, tls.SecureContext>();
const MAX_CONTEXTS = 8;

function secureContextOf(credentials: LoadedCredentials): tls.SecureContext {
  const key = credentials.contentKey;
  let context = contexts.get(key);
  if (!context) {
    context = tls.createSecureContext({ ca: credentials.caPem, cert: credentials.certPem, key: credentials.keyPem, minVersion: 'TLSv1.2' });
    if (contexts.size >= MAX_CONTEXTS) contexts.delete(contexts.keys().next().value as string);
    contexts.set(key, context);
  }
  return context;
}

/**
 * Shared agents: in a long-lived process that opens one client per task (the bridge server), the
 * clients of the same credentials share one agent, so its kept-alive connections (and their TLS
 * handshakes) serve task after task. Off by default: a short-lived process must not keep sockets.
 */
let sharing = false;
const sharedAgents = new Map<string, https.Agent>();
const SHARED_MAX_SOCKETS = 64;

/** From now on, clients of the same credentials share one agent (until `destroySharedAgents`). */
export function shareAgents(): void {
  sharing = true;
}

/** Whether `agent` is shared (its owner must not destroy it on close). */
export function isSharedAgent(agent: https.Agent): boolean {
  for (const shared of sharedAgents.values()) if (shared === agent) return true;
  return false;
}

/** Closes every shared agent's connections and stops sharing. */
export function destroySharedAgents(): void {
  sharing = false;
  for (const agent of sharedAgents.values()) agent.destroy();
  sharedAgents.clear();
}

/** Builds the agent (or, when sharing, returns the one for these credentials). Keep it private: its TLS context holds the private key. */
export function createMutualTlsAgent(credentials: LoadedCredentials, options: AgentOptions = {}): https.Agent {
  if (sharing) {
    const key = credentials.contentKey;
    let agent = sharedAgents.get(key);
    if (!agent) {
      agent = buildAgent(credentials, SHARED_MAX_SOCKETS);
      sharedAgents.set(key, agent);
    }
    return agent;
  }
  return buildAgent(credentials, options.maxSockets ?? 16);
}

function buildAgent(credentials: LoadedCredentials, maxSockets: number): https.Agent {
  return new https.Agent({
    secureContext: secureContextOf(credentials),
    minVersion: 'TLSv1.2',
    rejectUnauthorized: true,
    keepAlive: true,
    keepAliveMsecs: 1000,
    maxSockets,
    // As many idle connections as may be busy at once (at most 16): a process running concurrent
    // requests (the provider, the bridge server) then reuses them instead of a TLS handshake each.
    maxFreeSockets: Math.min(maxSockets, 16),
    scheduling: 'lifo',
  });
}

/**
 * Whether the TLS handshake of the request's socket had completed (and the server certificate had
 * been verified). When it had not, no HTTP byte can have reached IMCO. `request` is the Node
 * ClientRequest axios attaches to its errors.
 */
export function handshakeCompleted(request: unknown): boolean {
  const socket = (request as { socket?: tls.TLSSocket } | undefined)?.socket;
  return socket?.authorized === true;
}

/** Whether the request went out on a kept-alive socket that had served an earlier request. */
export function reusedSocket(request: unknown): boolean {
  return (request as { reusedSocket?: boolean } | undefined)?.reusedSocket === true;
}

export type ProbeVerdict = 'refused' | 'accepted' | 'inconclusive';

/** How long a probe connection must stay open after the handshake to count as accepted. */
const PROBE_WINDOW_MS = 1500;

/**
 * Opens one TLS connection with the client's credentials and sends nothing. A server that refuses
 * the client certificate closes it right after the handshake ('refused'); one that accepted it
 * keeps it open ('accepted'). Failing before the handshake completes proves nothing ('inconclusive').
 */
export function probeClientCertificate(
  credentials: LoadedCredentials,
  host: string,
  port: number,
  windowMs = PROBE_WINDOW_MS,
): Promise<ProbeVerdict> {
  return new Promise((resolve) => {
    let secured = false;
    let settled = false;
    const socket = tls.connect({
      host,
      port,
      servername: net.isIP(host) ? undefined : host,
      ca: credentials.caPem,
      cert: credentials.certPem,
      key: credentials.keyPem,
      minVersion: 'TLSv1.2',
      rejectUnauthorized: true,
    });
    const finish = (verdict: ProbeVerdict): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(verdict);
    };
    const timer = setTimeout(() => finish(secured ? 'accepted' : 'inconclusive'), windowMs);
    socket.on('secureConnect', () => {
      secured = true;
    });
    socket.on('data', () => finish('accepted'));
    socket.on('error', () => finish(secured ? 'refused' : 'inconclusive'));
    socket.on('close', () => finish(secured ? 'refused' : 'inconclusive'));
  });
}
