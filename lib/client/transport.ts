// The request engine: sends one logical request over the mTLS agent with axios, retrying per the
// retry policy within its attempt and deadline bounds, reporting every attempt to the `onRequest`
// hook, and turning every failure into an `ImcoError` (HTTP, TLS, network, timeout, unknown outcome).
// Bodies are JSON, except uploads, which stream raw bytes chunked without a Content-Type.
import axios, { type AxiosResponse } from 'axios';
import { CONCERTO_ENV } from './config';
import { describeReference, validityProblem } from './credentials';
import { handshakeCompleted, reusedSocket } from './agent';
import { currentDeadline } from './deadline-scope';
import type { RequestInfo, SendOptions, SendResult, TransportOptions } from './request-options';
import { ImcoError, ImcoOutcomeUnknownError, oneLine, parseErrorBody } from './errors';
import { secretValuesIn, type SecretScrubber } from './redaction';
import { decideRetry, isIdempotentMethod, parseRetryAfter, backoffDelayMs, type AttemptFailure, type RetryPolicy } from './retry';
import { clientCertificateRefused, diagnoseTlsFailure, type TlsDiagnosisContext } from './tls-diagnosis';

export type { QueryValue, RequestHook, RequestInfo, SendOptions, SendResult, TransportOptions } from './request-options';


const MAX_ANSWER_BYTES = 64 * 1024 * 1024;
/** A retry is only started when at least this much of the deadline (or the whole timeout) is left. */
const MIN_ATTEMPT_WINDOW_MS = 250;

const CONNECTION_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed while sending',
  ETIMEDOUT: 'connection timed out',
  ECONNABORTED: 'connection aborted',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EAI_AGAIN: 'temporary DNS failure',
  ENOTFOUND: 'host name not found',
};

interface AttemptOutcome {
  readonly failure: AttemptFailure;
  readonly error: ImcoError;
  /** Short cause, e.g. `connection reset (ECONNRESET)`, for unknown-outcome messages. */
  readonly cause: string;
  /** The request reached IMCO and the answer was lost (IMCO may have acted). */
  readonly lostAnswer?: boolean;
  readonly retryAfterMs?: number;
}

function bodyBytes(response: AxiosResponse<Buffer>): Buffer {
  const data = response.data as unknown;
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  return Buffer.from(typeof data === 'string' ? data : '');
}

function bodyText(response: AxiosResponse<Buffer>): string {
  return bodyBytes(response).toString('utf8').replace(/^\uFEFF/, '');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10}s`;
}

/**
 * How long to wait before attempt `attempt + 1` (the policy's back-off, or longer when IMCO asked
 * with Retry-After), or why not to: the ` (gave up …)` suffix when the wait would pass the deadline.
 */
function nextAttemptDelay(
  retry: RetryPolicy,
  attempt: number,
  retryAfterMs: number | undefined,
  bounds: { readonly deadline: number; readonly minWindow: number; readonly deadlineWords: string },
): number | string {
  const now = Date.now();
  let delay = backoffDelayMs(retry, attempt);
  if (retryAfterMs !== undefined) {
    delay = Math.max(delay, retryAfterMs);
    if (now + retryAfterMs > bounds.deadline) {
      return ` (gave up after ${attempt} attempts: IMCO asked to retry after ${seconds(retryAfterMs)}, past the retry deadline of ${seconds(retry.deadlineMs)})`;
    }
  }
  if (now + delay + bounds.minWindow > bounds.deadline) return ` (gave up after ${attempt} attempts: ${bounds.deadlineWords})`;
  return delay;
}

/** Sends requests for one client. Holds the agent; never expose it. */
export class Transport {
  readonly #options: TransportOptions;
  /** Some answer came back over mTLS, so the server accepts our client certificate. */
  #certificateAccepted = false;

  constructor(options: TransportOptions) {
    this.#options = options;
  }

  get endpoint(): string {
    return this.#options.endpoint;
  }

  /** Sends a request with retries; resolves on 2xx, throws an `ImcoError` otherwise. */
  async send<T>(request: SendOptions): Promise<SendResult<T>> {
    const { retry } = this.#options;
    const method = request.method;
    const idempotent = request.idempotent ?? isIdempotentMethod(method);
    const { url, displayPath, host } = this.#target(request);
    const scrubber = this.#options.scrubber.with([...secretValuesIn(request.body), ...(request.secrets ?? [])]);
    const ownDeadline = Date.now() + retry.deadlineMs;
    const deadline = Math.min(ownDeadline, this.#options.deadline ?? Infinity, currentDeadline() ?? Infinity);
    const deadlineWords = deadline < ownDeadline ? 'deadline reached' : `retry deadline of ${seconds(retry.deadlineMs)} reached`;
    const minWindow = Math.min(MIN_ATTEMPT_WINDOW_MS, this.#options.timeoutMs);
    let earlierAttemptMayHaveActed = false;
    let previous: AttemptOutcome | undefined;

    for (let attempt = 1; ; attempt++) {
      const attemptStarted = Date.now();
      const attemptTimeout = Math.max(1, Math.min(this.#options.timeoutMs, deadline - attemptStarted));
      let outcome: AttemptOutcome;
      // The attempt timeout bounds the whole exchange: axios's own timeout is an idle timer, which
      // an answer trickling in a byte at a time would keep resetting forever.
      const cutOff = new AbortController();
      const cutOffTimer = setTimeout(() => cutOff.abort(), attemptTimeout);
      try {
        const response = await this.#attempt(url, request, attemptTimeout, cutOff.signal);
        this.#certificateAccepted = true;
        const status = response.status;
        if (request.expectStatus !== undefined ? status === request.expectStatus : status >= 200 && status < 300) {
          const data = this.#parseSuccess<T>(response, request, scrubber, method, displayPath);
          this.#report({ method, path: displayPath, status, durationMs: Date.now() - attemptStarted, attempt });
          return { status, data, attempts: attempt, earlierAttemptMayHaveActed };
        }
        outcome = this.#statusOutcome(response, method, displayPath);
      } catch (err) {
        if (err instanceof ImcoError) {
          this.#report({ method, path: displayPath, status: err.status, durationMs: Date.now() - attemptStarted, attempt, error: err.message });
          throw err;
        }
        outcome = await this.#connectionOutcome(err, { method, displayPath, url, host, attemptTimeout, cutOff: cutOff.signal.aborted });
      } finally {
        clearTimeout(cutOffTimer);
      }

      // An attempt cut short by the deadline says less than the failure that led to it.
      const status = outcome.failure.type === 'status' ? outcome.failure.status : undefined;
      const cutByDeadline = outcome.failure.type === 'timeout' && attemptTimeout < this.#options.timeoutMs;
      if (cutByDeadline && previous && idempotent) outcome = previous;
      const decision = cutByDeadline && idempotent ? 'retry' : decideRetry(outcome.failure, idempotent);
      const report = (error: string, retryInMs?: number): void =>
        this.#report({ method, path: displayPath, status, durationMs: Date.now() - attemptStarted, attempt, error, retryInMs });
      const giveUp = (suffix = ''): ImcoError => {
        const err = this.#rebuild(outcome.error, scrubber, suffix, attempt, earlierAttemptMayHaveActed);
        report(err.message);
        return err;
      };

      if (decision === 'outcome_unknown') {
        const err = new ImcoOutcomeUnknownError(
          scrubber.scrub(
            `IMCO ${method} ${displayPath}: outcome unknown — ${outcome.cause} after the request reached IMCO, so IMCO may or may not have acted; ` +
              `look the object up (e.g. by its ownership label) before trying again`,
          ),
          { method, path: displayPath, status, attempts: attempt, afterLostAnswer: earlierAttemptMayHaveActed },
        );
        report(err.message);
        throw err;
      }
      if (decision === 'fail') throw giveUp();
      if (attempt >= retry.attempts) throw giveUp(` (gave up after ${attempt} attempts)`);

      const next = nextAttemptDelay(retry, attempt, outcome.retryAfterMs, { deadline, minWindow, deadlineWords });
      if (typeof next === 'string') throw giveUp(next);
      const delay = next;
      if (outcome.lostAnswer) earlierAttemptMayHaveActed = true;
      previous = outcome;
      report(scrubber.scrub(outcome.error.message), delay);
      await sleep(delay);
    }
  }

  async #attempt(url: string, request: SendOptions, timeout: number, signal: AbortSignal): Promise<AxiosResponse<Buffer>> {
    return axios.request<Buffer>({
      signal,
      url,
      method: request.method,
      data: request.stream ? request.stream() : request.body === undefined ? undefined : JSON.stringify(request.body),
      headers: this.#headers(request),
      httpsAgent: this.#options.agent,
      proxy: false,
      maxRedirects: 0,
      timeout,
      responseType: 'arraybuffer',
      transformResponse: [(data: Buffer) => data],
      validateStatus: () => true,
      maxContentLength: MAX_ANSWER_BYTES,
      maxBodyLength: Infinity,
      decompress: true,
      transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: false },
    });
  }

  #target(request: SendOptions): { url: string; displayPath: string; host: string } {
    const endpoint = new URL(this.#options.endpoint);
    if (request.url) {
      const target = new URL(request.url);
      return { url: target.toString(), displayPath: `${target.origin}${target.pathname}`, host: target.host };
    }
    const relative = request.path ?? '/';
    if (!relative.startsWith('/')) throw new ImcoError(`IMCO request path '${relative}' must start with '/'`, { code: 'config' });
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(request.query ?? {})) if (v !== undefined) query.append(k, String(v));
    const qs = query.toString();
    return { url: `${this.#options.endpoint}${relative}${qs ? `?${qs}` : ''}`, displayPath: relative, host: endpoint.host };
  }

  #headers(request: SendOptions): Record<string, string | false> {
    const headers: Record<string, string | false> = {
      'User-Agent': this.#options.userAgent,
      Accept: 'application/json',
    };
    if (request.stream) headers['Content-Type'] = false; // raw upload: no Content-Type at all (axios would add one)
    else if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    return headers;
  }

  #parseSuccess<T>(response: AxiosResponse<Buffer>, request: SendOptions, scrubber: SecretScrubber, method: string, path: string): T {
    if (request.responseType === 'bytes') return bodyBytes(response) as unknown as T;
    const text = bodyText(response);
    if (request.responseType === 'text') return text as unknown as T;
    if (text.trim() === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      const { messages } = parseErrorBody(text, String(response.headers['content-type'] ?? ''));
      const error = new ImcoError(
        `IMCO ${method} ${path} answered ${response.status} with a body that is not JSON (${messages.join('; ')}); check that ${CONCERTO_ENV.endpoint} points at the IMCO API (…/v2)`,
        { code: 'http', status: response.status, method, path, messages },
      );
      throw this.#rebuild(error, scrubber, '', 1);
    }
  }

  #statusOutcome(response: AxiosResponse<Buffer>, method: string, path: string): AttemptOutcome {
    const status = response.status;
    const contentType = String(response.headers['content-type'] ?? '');
    const { messages, fieldErrors } = parseErrorBody(bodyText(response), contentType);
    const failure: AttemptFailure = { type: 'status', status };
    const retryAfterHeader = response.headers['retry-after'];
    const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(retryAfterHeader ? String(retryAfterHeader) : undefined) : undefined;

    if (status >= 300 && status < 400) {
      const location = response.headers.location ? ` to ${String(response.headers.location).split('?')[0]}` : '';
      return {
        failure,
        cause: `redirect (${status})`,
        error: new ImcoError(`IMCO ${method} ${path} failed (${status}): redirected${location}; check ${CONCERTO_ENV.endpoint} (it should end in /v2)`, {
          code: 'http',
          status,
          method,
          path,
          messages,
        }),
      };
    }
    // A TLS-terminating proxy (nginx: "400 No required SSL certificate was sent", "400 The SSL
    // certificate error", internal 495/496) refuses the client certificate with an HTTP answer.
    const proxyRefusedCertificate =
      status === 495 || status === 496 || (status === 400 && messages.some((m) => /ssl certificate/i.test(m)));
    if (status === 401 || status === 403 || proxyRefusedCertificate) {
      const problem = validityProblem(this.#options.clientCertificate);
      const cert = describeReference(this.#options.config.clientCert);
      const detail = messages.length ? `${messages.join('; ')}; ` : '';
      const hint =
        problem === 'expired'
          ? `the client certificate ${cert} expired on ${this.#options.clientCertificate.notAfter.toISOString()}; download a new API key`
          : problem === 'not_yet_valid'
            ? `the client certificate ${cert} is not valid yet; check this machine's clock`
            : `IMCO did not accept the client certificate ${cert}; use the API key of a user of this platform (${CONCERTO_ENV.clientCert}, ${CONCERTO_ENV.clientKey})`;
      return {
        failure,
        cause: `refused (${status})`,
        error: new ImcoError(`IMCO ${method} ${path} failed (${status}): ${detail}${hint}`, {
          code: problem || proxyRefusedCertificate ? 'tls' : 'http',
          status,
          method,
          path,
          messages,
        }),
      };
    }
    const text = messages.length ? messages.join('; ') : response.statusText || 'no details';
    return {
      failure,
      retryAfterMs,
      cause: status === 504 ? 'a gateway timeout (504)' : `status ${status}`,
      lostAnswer: status === 504,
      error: new ImcoError(`IMCO ${method} ${path} failed (${status}): ${text}`, { code: 'http', status, method, path, messages, fieldErrors }),
    };
  }

  async #connectionOutcome(
    err: unknown,
    ctx: { method: string; displayPath: string; url: string; host: string; attemptTimeout: number; cutOff: boolean },
  ): Promise<AttemptOutcome> {
    const axiosError = err as { code?: string; message?: string; cause?: unknown; request?: unknown };
    const raw = (axiosError.cause ?? err) as {
      code?: string;
      message?: string;
      host?: string;
      reason?: string;
      cert?: { subjectaltname?: string; subject?: { CN?: string } };
    };
    const reachedServer = handshakeCompleted(axiosError.request);
    const { method, displayPath, host } = ctx;
    const tlsContext: TlsDiagnosisContext = {
      method,
      path: displayPath,
      host,
      config: this.#options.config,
      clientCertificate: this.#options.clientCertificate,
      handshakeCompleted: reachedServer,
    };
    const tlsError = diagnoseTlsFailure(raw, tlsContext);
    if (tlsError) return { failure: { type: 'tls' }, error: tlsError, cause: 'a TLS failure' };
    if (await this.#refusesCertificate(raw.code, axiosError.request, ctx.url)) {
      return { failure: { type: 'tls' }, error: clientCertificateRefused(tlsContext), cause: 'a TLS failure' };
    }

    const isTimeout =
      ctx.cutOff || (/^timeout/i.test(axiosError.message ?? '') && (axiosError.code === 'ETIMEDOUT' || axiosError.code === 'ECONNABORTED'));
    if (isTimeout) {
      // The answer had begun (status and headers) but did not complete in time: a slow or stuck body.
      const started = Boolean((axiosError.request as { res?: unknown } | undefined)?.res);
      return {
        failure: { type: 'timeout', reachedServer },
        cause: `no ${started ? 'complete ' : ''}answer within ${ctx.attemptTimeout} ms`,
        lostAnswer: reachedServer,
        error: new ImcoError(
          `IMCO ${method} ${displayPath}: no ${started ? 'complete ' : ''}answer from ${host} within ${ctx.attemptTimeout} ms${reachedServer ? '' : ' (still connecting)'}`,
          { code: 'timeout', method, path: displayPath },
        ),
      };
    }
    const code = raw.code ?? axiosError.code ?? 'UNKNOWN';
    const words = CONNECTION_WORDS[code] ?? oneLine(raw.message ?? axiosError.message ?? 'connection failed', 120);
    const advice =
      code === 'ENOTFOUND' || code === 'ECONNREFUSED'
        ? `; check ${CONCERTO_ENV.endpoint} and that IMCO is reachable from here`
        : '';
    return {
      failure: { type: 'connection', code, reachedServer },
      cause: `${words} (${code})`,
      lostAnswer: reachedServer,
      error: new ImcoError(`IMCO ${method} ${displayPath}: ${words} (${host}, ${code})${advice}`, { code: 'network', method, path: displayPath }),
    };
  }

  /**
   * A connection dropped on a fresh socket before any answer, while no answer has ever come back:
   * possibly the server refusing our certificate after a TLS 1.3 handshake. A probe connection tells.
   */
  async #refusesCertificate(code: string | undefined, request: unknown, url: string): Promise<boolean> {
    if (this.#certificateAccepted || !this.#options.probe) return false;
    if (code !== 'ECONNRESET' && code !== 'EPIPE') return false;
    if (reusedSocket(request)) return false;
    const target = new URL(url);
    const verdict = await this.#options.probe(target.hostname.replace(/^\[|\]$/g, ''), Number(target.port || 443));
    if (verdict === 'accepted') this.#certificateAccepted = true;
    return verdict === 'refused';
  }

  #rebuild(error: ImcoError, scrubber: SecretScrubber, suffix: string, attempts: number, afterLostAnswer = false): ImcoError {
    const fieldErrors = error.fieldErrors
      ? Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [k, v.map((m) => scrubber.scrub(m))]))
      : undefined;
    return new ImcoError(scrubber.scrub(error.message + suffix), {
      code: error.code,
      status: error.status,
      method: error.method,
      path: error.path,
      messages: error.messages.map((m) => scrubber.scrub(m)),
      fieldErrors,
      attempts,
      afterLostAnswer,
    });
  }

  #report(info: RequestInfo): void {
    const hook = this.#options.onRequest;
    if (!hook) return;
    try {
      hook(info);
    } catch {
      // A logging hook must never break a request.
    }
  }
}
