// Retry policy: which failures are retried for which methods, full-jitter backoff bounds, and
// Retry-After parsing (seconds and HTTP-date).
import { DEFAULT_RETRY, backoffDelayMs, decideRetry, isRetryableStatus, parseRetryAfter, resolveRetryPolicy } from '../../lib/client';

describe('decideRetry', () => {
  const idempotent = true;
  const post = false;

  test('429 and 5xx except 501 are retried for every method (IMCO answers them before acting)', () => {
    for (const status of [429, 500, 502, 503]) {
      expect(decideRetry({ type: 'status', status }, idempotent)).toBe('retry');
      expect(decideRetry({ type: 'status', status }, post)).toBe('retry');
    }
    expect(decideRetry({ type: 'status', status: 501 }, idempotent)).toBe('fail');
    for (const status of [400, 401, 403, 404, 409, 422]) expect(decideRetry({ type: 'status', status }, idempotent)).toBe('fail');
  });

  test('a gateway timeout (504) leaves a POST in doubt', () => {
    expect(decideRetry({ type: 'status', status: 504 }, idempotent)).toBe('retry');
    expect(decideRetry({ type: 'status', status: 504 }, post)).toBe('outcome_unknown');
  });

  test('connection failures before the handshake completed are retried for every method', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'EAI_AGAIN', 'EHOSTUNREACH']) {
      expect(decideRetry({ type: 'connection', code, reachedServer: false }, post)).toBe('retry');
    }
    expect(decideRetry({ type: 'timeout', reachedServer: false }, post)).toBe('retry');
  });

  test('a reset or timeout after the request reached IMCO: retried when idempotent, unknown for POST', () => {
    expect(decideRetry({ type: 'connection', code: 'ECONNRESET', reachedServer: true }, idempotent)).toBe('retry');
    expect(decideRetry({ type: 'connection', code: 'ECONNRESET', reachedServer: true }, post)).toBe('outcome_unknown');
    expect(decideRetry({ type: 'connection', code: 'EPIPE', reachedServer: true }, post)).toBe('outcome_unknown');
    expect(decideRetry({ type: 'timeout', reachedServer: true }, idempotent)).toBe('retry');
    expect(decideRetry({ type: 'timeout', reachedServer: true }, post)).toBe('outcome_unknown');
  });

  test('any connection failure after the request reached IMCO leaves a POST in doubt', () => {
    expect(decideRetry({ type: 'connection', code: 'ERR_BAD_RESPONSE', reachedServer: true }, post)).toBe('outcome_unknown');
    expect(decideRetry({ type: 'connection', code: 'ERR_BAD_RESPONSE', reachedServer: true }, idempotent)).toBe('fail');
  });

  test('permanent failures are not retried', () => {
    expect(decideRetry({ type: 'tls' }, idempotent)).toBe('fail');
    expect(decideRetry({ type: 'connection', code: 'ENOTFOUND', reachedServer: false }, idempotent)).toBe('fail');
  });

  test('isRetryableStatus', () => {
    expect([200, 404, 429, 500, 501, 503, 599].map(isRetryableStatus)).toEqual([false, false, true, true, false, true, true]);
  });
});

describe('backoff', () => {
  const policy = resolveRetryPolicy({ baseDelayMs: 100, maxDelayMs: 1000 });

  test('full jitter: between 0 and the doubling ceiling, capped at maxDelayMs', () => {
    expect(backoffDelayMs(policy, 1, () => 0)).toBe(0);
    expect(backoffDelayMs(policy, 1, () => 0.999)).toBe(99);
    expect(backoffDelayMs(policy, 2, () => 0.999)).toBe(199);
    expect(backoffDelayMs(policy, 3, () => 0.5)).toBe(200);
    expect(backoffDelayMs(policy, 10, () => 0.999)).toBe(999);
    for (let retry = 1; retry < 20; retry++) {
      const d = backoffDelayMs(policy, retry);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(Math.min(1000, 100 * 2 ** (retry - 1)));
    }
  });

  test('policy defaults and validation', () => {
    expect(resolveRetryPolicy()).toEqual(DEFAULT_RETRY);
    expect(resolveRetryPolicy({ attempts: 2, deadlineMs: undefined })).toEqual({ ...DEFAULT_RETRY, attempts: 2 });
    expect(() => resolveRetryPolicy({ attempts: 0 })).toThrow('retry.attempts');
    expect(() => resolveRetryPolicy({ maxDelayMs: -1 })).toThrow('retry.maxDelayMs');
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2025-01-01T12:00:00Z');

  test('delta seconds', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
  });

  test('HTTP-date, never negative', () => {
    expect(parseRetryAfter('Wed, 01 Jan 2025 12:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 11:00:00 GMT', now)).toBe(0);
  });

  test('absent or garbage', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
