// Retry policy: which failures are retried for which methods, exponential backoff with full jitter,
// `Retry-After` parsing, and the attempt/deadline bounds. Pure functions, no I/O.

export interface RetryOptions {
  /** Most attempts per request, the first included (default 5). */
  readonly attempts?: number;
  /** First backoff ceiling in ms; doubles per retry (default 200). */
  readonly baseDelayMs?: number;
  /** Largest backoff ceiling in ms (default 5000). */
  readonly maxDelayMs?: number;
  /** Total time budget of one request including retries, in ms (default 60000). */
  readonly deadlineMs?: number;
}

export type RetryPolicy = Required<RetryOptions>;

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 200,
  maxDelayMs: 5000,
  deadlineMs: 60_000,
};

/** Fills defaults and validates the numbers (a bad policy is a programming error). */
export function resolveRetryPolicy(options: RetryOptions = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  if (!Number.isInteger(policy.attempts) || policy.attempts < 1) throw new RangeError('retry.attempts must be an integer ≥ 1');
  for (const key of ['baseDelayMs', 'maxDelayMs', 'deadlineMs'] as const) {
    if (!(policy[key] >= 0)) throw new RangeError(`retry.${key} must be ≥ 0`);
  }
  return policy;
}

/**
 * Full-jitter backoff before retry number `retry` (1 = first retry): uniform in
 * [0, min(maxDelayMs, baseDelayMs · 2^(retry-1))].
 */
export function backoffDelayMs(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

/** Parses `Retry-After` (delta seconds or an HTTP-date) into ms from `now`; undefined when absent/invalid. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** HTTP statuses worth retrying: 429 and 5xx except 501 (Not Implemented is permanent). */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599 && status !== 501);
}

/** Connection error codes that are transient. */
const TRANSIENT_CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/** How one attempt failed, as far as retrying is concerned. */
export type AttemptFailure =
  /** IMCO answered with this status. */
  | { readonly type: 'status'; readonly status: number }
  /**
   * The connection failed. `reachedServer`: the TLS handshake had completed, so the request may have
   * been read (and acted on) by IMCO.
   */
  | { readonly type: 'connection'; readonly code: string; readonly reachedServer: boolean }
  /** The per-request timeout fired. */
  | { readonly type: 'timeout'; readonly reachedServer: boolean }
  /** A TLS/certificate problem: permanent until the configuration changes. */
  | { readonly type: 'tls' };

export type RetryDecision =
  /** Safe and useful to try again. */
  | 'retry'
  /** Give up with this failure. */
  | 'fail'
  /** Give up: the request may have taken effect and repeating it is not safe. */
  | 'outcome_unknown';

/** Idempotent methods by default: GET, PUT, DELETE (and HEAD/OPTIONS); POST is not. */
export function isIdempotentMethod(method: string): boolean {
  return method.toUpperCase() !== 'POST' && method.toUpperCase() !== 'PATCH';
}

/**
 * Decides what to do after a failed attempt. IMCO answers 429/5xx before acting, so those are
 * retried for every method — except 504, a gateway that gave up waiting while IMCO may still act.
 * A connection that failed before the handshake completed never reached IMCO: retried for every
 * method (when the failure is transient). Any failure afterwards leaves a non-idempotent request's
 * outcome unknown; idempotent requests are retried when the failure is transient.
 */
export function decideRetry(failure: AttemptFailure, idempotent: boolean): RetryDecision {
  switch (failure.type) {
    case 'tls':
      return 'fail';
    case 'status':
      if (!isRetryableStatus(failure.status)) return 'fail';
      if (failure.status === 504 && !idempotent) return 'outcome_unknown';
      return 'retry';
    case 'connection':
      // Whatever broke after the request reached IMCO, a non-idempotent request may have acted.
      if (failure.reachedServer && !idempotent) return 'outcome_unknown';
      return TRANSIENT_CONNECTION_CODES.has(failure.code) ? 'retry' : 'fail';
    case 'timeout':
      if (!failure.reachedServer || idempotent) return 'retry';
      return 'outcome_unknown';
  }
}
