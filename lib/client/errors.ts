// Client errors: the one error type every IMCO failure surfaces as (`ImcoError`, discriminated by
// `code`), its subclasses for unknown outcomes and failed waits, and the parsing of IMCO error bodies
// (`{"errors": {field: [..]}}`, `{"error": ".."}`, anything else summarised). Messages are one line,
// carry no stack trace, and hold no raw axios object (those reference the TLS agent and its key).

/** What kind of failure an `ImcoError` reports. */
export type ImcoErrorCode =
  /** IMCO answered with a non-success HTTP status (see `status`). */
  | 'http'
  /** The TLS handshake failed or a certificate/key problem was found. */
  | 'tls'
  /** Credentials or endpoint are missing or unusable; nothing was sent. */
  | 'config'
  /** A request or the retry deadline timed out. */
  | 'timeout'
  /** The connection failed (refused, reset, DNS). */
  | 'network'
  /** A non-idempotent request may or may not have taken effect (see `ImcoOutcomeUnknownError`). */
  | 'outcome_unknown'
  /** `waitFor` / `waitForGone` ended in a failure state, a deadline or a vanished object. */
  | 'wait_failed';

export interface ImcoErrorDetails {
  readonly code: ImcoErrorCode;
  readonly status?: number;
  readonly method?: string;
  /** Path relative to the endpoint (e.g. `/network/vpcs`), or an upload URL without its query. */
  readonly path?: string;
  readonly messages?: readonly string[];
  readonly fieldErrors?: Readonly<Record<string, readonly string[]>>;
  /** How many attempts were made before giving up. */
  readonly attempts?: number;
  /** An earlier attempt of the same request reached IMCO and its answer was lost. */
  readonly afterLostAnswer?: boolean;
}

const MAX_MESSAGE_LENGTH = 600;

/** Collapses a text to one line of bounded length. */
export function oneLine(text: string, max = MAX_MESSAGE_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The single error type of the client. Check `code` (and `status` for `http`). */
export class ImcoError extends Error {
  readonly code: ImcoErrorCode;
  readonly status?: number;
  readonly method?: string;
  readonly path?: string;
  readonly messages: string[];
  readonly fieldErrors?: Record<string, string[]>;
  readonly attempts?: number;
  /**
   * An earlier attempt of this (idempotent, hence retried) request reached IMCO and its answer was
   * lost. Then a 404 on DELETE, or a 422 "wrong state" on an action, most likely means that earlier
   * attempt succeeded.
   */
  readonly afterLostAnswer: boolean;

  constructor(message: string, details: ImcoErrorDetails) {
    super(oneLine(message));
    this.name = 'ImcoError';
    this.code = details.code;
    this.status = details.status;
    this.method = details.method;
    this.path = details.path;
    this.messages = [...(details.messages ?? [])];
    if (details.fieldErrors) {
      this.fieldErrors = Object.fromEntries(Object.entries(details.fieldErrors).map(([k, v]) => [k, [...v]]));
    }
    this.attempts = details.attempts;
    this.afterLostAnswer = details.afterLostAnswer ?? false;
  }

  /** IMCO answered 404: the object (or path) does not exist. */
  get isNotFound(): boolean {
    return this.code === 'http' && this.status === 404;
  }

  /** IMCO rejected the request's content or the object's state (422). */
  get isUnprocessable(): boolean {
    return this.code === 'http' && this.status === 422;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      status: this.status,
      method: this.method,
      path: this.path,
      message: this.message,
      messages: this.messages,
      fieldErrors: this.fieldErrors,
      attempts: this.attempts,
      afterLostAnswer: this.afterLostAnswer,
    };
  }
}

/**
 * A non-idempotent request (a POST create or action) was sent but its answer was lost (connection
 * reset, timeout, gateway timeout): IMCO may or may not have acted. Look the object up (e.g. by its
 * ownership label) before trying again; `ImcoClient.createOnce` does exactly that.
 */
export class ImcoOutcomeUnknownError extends ImcoError {
  constructor(message: string, details: Omit<ImcoErrorDetails, 'code'>) {
    super(message, { ...details, code: 'outcome_unknown' });
    this.name = 'ImcoOutcomeUnknownError';
  }
}

/** One audit event as attached to a failed wait. */
export interface WaitFailureEvent {
  readonly timestamp?: string;
  readonly level?: string;
  readonly header?: string;
  readonly description?: string;
}

export type WaitFailureReason = 'failed_state' | 'deadline' | 'gone';

/** `waitFor` / `waitForGone` did not reach its goal. */
export class ImcoWaitError extends ImcoError {
  readonly reason: WaitFailureReason;
  readonly kind: string;
  readonly id: string;
  /** The object's state at the last poll, when it has one. */
  readonly lastState?: string;
  /** The object's latest audit events (newest first), best effort. */
  readonly events: WaitFailureEvent[];

  constructor(
    message: string,
    details: {
      reason: WaitFailureReason;
      kind: string;
      id: string;
      lastState?: string;
      events: readonly WaitFailureEvent[];
      method?: string;
      path?: string;
    },
  ) {
    super(message, { code: 'wait_failed', method: details.method, path: details.path });
    this.name = 'ImcoWaitError';
    this.reason = details.reason;
    this.kind = details.kind;
    this.id = details.id;
    this.lastState = details.lastState;
    this.events = details.events.map((e) => ({ ...e }));
  }
}

/** Whether `err` is an `ImcoError` answered with HTTP 404. */
export function isNotFound(err: unknown): boolean {
  return err instanceof ImcoError && err.isNotFound;
}

// ------------------------------------------------------------------ error bodies

export interface ParsedErrorBody {
  readonly messages: string[];
  readonly fieldErrors?: Record<string, string[]>;
}

const MAX_EXCERPT = 200;

function asStrings(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  if (value === undefined || value === null) return [];
  return [typeof value === 'string' ? value : JSON.stringify(value)];
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');
}

/** A short summary of an HTML page: its title, else its first heading, else its text. */
export function summariseHtml(html: string): string {
  const pick = (re: RegExp): string | undefined => {
    const m = re.exec(html);
    const text = m ? oneLine(decodeEntities(m[1].replace(/<[^>]*>/g, ' '))) : '';
    return text || undefined;
  };
  const summary =
    pick(/<title[^>]*>([\s\S]*?)<\/title>/i) ??
    pick(/<h1[^>]*>([\s\S]*?)<\/h1>/i) ??
    oneLine(decodeEntities(html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]*>/g, ' ')));
  return `HTML page: ${oneLine(summary, MAX_EXCERPT)}`;
}

/**
 * Extracts IMCO's messages from an error answer: `{"errors": {field: [..]}}` gives one message per
 * field (`field: msg1, msg2`) and `fieldErrors`; `{"error": ".."}` gives that message; HTML gives its
 * title; any other text gives a short excerpt; an empty body gives no message.
 */
export function parseErrorBody(body: string | undefined, contentType = ''): ParsedErrorBody {
  const text = (body ?? '').trim();
  if (!text) return { messages: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (json !== undefined && json !== null && typeof json === 'object' && !Array.isArray(json)) {
    const obj = json as Record<string, unknown>;
    if (obj.errors && typeof obj.errors === 'object' && !Array.isArray(obj.errors)) {
      const fieldErrors: Record<string, string[]> = {};
      const messages: string[] = [];
      for (const [field, value] of Object.entries(obj.errors as Record<string, unknown>)) {
        const list = asStrings(value);
        fieldErrors[field] = list;
        messages.push(field === 'base' ? list.join(', ') : `${field}: ${list.join(', ')}`);
      }
      return { messages, fieldErrors };
    }
    if (Array.isArray(obj.errors)) return { messages: asStrings(obj.errors) };
    if (obj.error !== undefined) return { messages: asStrings(obj.error) };
    if (typeof obj.message === 'string') return { messages: [obj.message] };
  }
  if (/html/i.test(contentType) || /^<(!doctype|html)/i.test(text)) return { messages: [summariseHtml(text)] };
  return { messages: [oneLine(text, MAX_EXCERPT)] };
}
