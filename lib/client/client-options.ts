// The options and request shapes of ImcoClient: client options, discovery options, raw requests,
// path and query parameters, create-once options.
import type { HttpMethod } from '../catalog';
import type { ImcoCredentialOptions, ImcoDiscoveryOptions } from './config';
import type { RetryOptions } from './retry';
import type { QueryValue, RequestHook } from './transport';

/** Path parameters, e.g. `{ id }`, `{ vpc_id }`, `{ template_id, id }`. */
export type PathParams = Readonly<Record<string, string>>;
export type QueryParams = Readonly<Record<string, QueryValue>>;

export interface ImcoClientOptions extends ImcoCredentialOptions {
  /** Retry bounds (attempts, backoff, total deadline per request). */
  readonly retry?: RetryOptions;
  /** Timeout of one attempt in ms (default 30000). */
  readonly timeoutMs?: number;
  /** Called after every attempt, for logging and metrics. Never receives bodies or key material. */
  readonly onRequest?: RequestHook;
  /** User-Agent header (default `imco-cdktf`). */
  readonly userAgent?: string;
  /** Most concurrent connections (default 16). */
  readonly maxSockets?: number;
  /**
   * Absolute time (ms since the epoch) that no request may outlive, retries included (e.g. the end
   * of a handler invocation's `timeoutSeconds`). Default: only the per-request bounds apply.
   */
  readonly deadline?: number;
}

/** Options of `ImcoClient.fromEnvironment`: discovery inputs plus client options. */
export interface ImcoEnvironmentOptions extends ImcoClientOptions, ImcoDiscoveryOptions {}

/** A raw request relative to the endpoint. */
export interface ImcoRequest {
  readonly method: HttpMethod;
  /** e.g. `/network/vpcs` (relative to the endpoint, which ends in /v2). */
  readonly path: string;
  readonly body?: unknown;
  readonly query?: QueryParams;
  /** Whether repeating the request is harmless (default: every method but POST). */
  readonly idempotent?: boolean;
}

export interface CreateOnceOptions<T> {
  /**
   * Looks the object up (e.g. by its ownership label) when a create's outcome is unknown; resolves
   * the object when it exists, `undefined`/`null` when it does not.
   */
  readonly find: () => Promise<T | undefined | null>;
  readonly parentParams?: PathParams;
  /** Most create requests to send (default: the retry policy's attempts). */
  readonly maxCreates?: number;
}
