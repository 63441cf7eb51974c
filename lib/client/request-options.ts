// What a request and the transport that sends it are made of: the options of one request
// (`SendOptions`), its result, the transport's own options, and what the `onRequest` hook hears
// of every attempt. The sending itself is lib/client/transport.ts.
import type * as https from 'node:https';
import type { Readable } from 'node:stream';
import type { HttpMethod } from '../catalog';
import type { ImcoResolvedConfig } from './config';
import type { CertificateFacts } from './credentials';
import type { ProbeVerdict } from './agent';
import type { SecretScrubber } from './redaction';
import type { RetryPolicy } from './retry';

/** What the `onRequest` hook receives for every attempt. Never carries bodies or headers. */
export interface RequestInfo {
  readonly method: string;
  /** Path relative to the endpoint (or an upload URL's origin and path), without the query. */
  readonly path: string;
  /** HTTP status, when IMCO answered. */
  readonly status?: number;
  readonly durationMs: number;
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** One-line error message of a failed attempt (secrets removed). */
  readonly error?: string;
  /** When the attempt failed and will be retried: the wait before the next attempt. */
  readonly retryInMs?: number;
}

export type RequestHook = (info: RequestInfo) => void;

export type QueryValue = string | number | boolean | undefined;

export interface SendOptions {
  readonly method: HttpMethod;
  /** Path relative to the endpoint, starting with `/`. */
  readonly path?: string;
  /** Absolute https URL (uploads); used instead of `path`. */
  readonly url?: string;
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** JSON body. */
  readonly body?: unknown;
  /** Raw streamed body (uploads): a fresh stream per attempt. */
  readonly stream?: () => Readable;
  /** Whether repeating the request is harmless (default: every method but POST). */
  readonly idempotent?: boolean;
  /** `json` (default): parse the answer; `text`: return it as is; `bytes`: a Buffer (downloads). */
  readonly responseType?: 'json' | 'text' | 'bytes';
  /** Only this exact status counts as success (downloads require 200, as cio does). */
  readonly expectStatus?: number;
  /** Extra secret values to scrub from messages about this request. */
  readonly secrets?: readonly string[];
}

export interface SendResult<T> {
  readonly status: number;
  readonly data: T;
  readonly attempts: number;
  /**
   * An earlier attempt reached IMCO but its answer was lost. For a DELETE that later got 404, the
   * object was most likely deleted by that earlier attempt.
   */
  readonly earlierAttemptMayHaveActed: boolean;
}

export interface TransportOptions {
  readonly endpoint: string;
  readonly agent: https.Agent;
  readonly retry: RetryPolicy;
  readonly timeoutMs: number;
  readonly onRequest?: RequestHook;
  readonly scrubber: SecretScrubber;
  readonly config: ImcoResolvedConfig;
  readonly clientCertificate: CertificateFacts;
  readonly userAgent: string;
  /** Checks with a fresh connection whether the server refuses our client certificate. */
  readonly probe?: (host: string, port: number) => Promise<ProbeVerdict>;
  /** Absolute time (ms since the epoch) no request may outlive, e.g. the end of a handler invocation. */
  readonly deadline?: number;
}
