// Waiting: polls an object with backoff until a predicate or target state holds, stopping early on
// the kind's catalog failure states (`lifecycle.failed`, e.g. `stalled`) or at the deadline; on
// failure throws an `ImcoWaitError` carrying the object's latest audit events. Also waits for an
// object to be gone (404).
import { kindSpec } from '../catalog';
import { ImcoWaitError, isNotFound, oneLine, type WaitFailureEvent } from './errors';
import type { ImcoObject } from './types';

/** Anything with an optional `state`: every IMCO object type qualifies. */
export interface StatefulObject {
  readonly state?: string | null;
}

/** Reports each poll. */
export interface WaitProgress {
  readonly state?: string;
  readonly elapsedMs: number;
  readonly polls: number;
}

export type WaitPredicate<T> = (object: T) => boolean;

/** What to wait for: a predicate, or any of these states. */
export type WaitTarget<T> = WaitPredicate<T> | { readonly states: readonly string[] };

/** How either wait polls. */
export interface PollOptions<T> {
  /** Give up after this many ms (default: the kind's catalog `waitTimeoutSeconds`). */
  readonly timeoutMs?: number;
  /** Called after every poll with the object read. */
  readonly onProgress?: (object: T, progress: WaitProgress) => void;
  /** Parent path parameters (e.g. `{ vpc_id }` for a VPN). */
  readonly parentParams?: Readonly<Record<string, string>>;
  /** First poll interval (default 100 ms); grows ×1.5 per poll. */
  readonly pollIntervalMs?: number;
  /** Largest poll interval (default 3000 ms). */
  readonly maxPollIntervalMs?: number;
}

export interface WaitOptions<T> extends PollOptions<T> {
  /** States that end the wait as failed (default: the kind's `lifecycle.failed`, minus target states). */
  readonly failStates?: readonly string[];
  /** Words for the goal in messages when `target` is a predicate (default "the condition"). */
  readonly description?: string;
}

export interface WaitForGoneOptions extends PollOptions<ImcoObject> {
  /** States that end the wait as failed (default none: deletions pass through many states). */
  readonly failStates?: readonly string[];
}

/** What a waiter needs from the client. */
export interface WaitHost {
  show(kind: string, id: string, parentParams?: Readonly<Record<string, string>>): Promise<ImcoObject>;
  /** Latest audit events about the object, newest first; best effort (never throws). */
  recentEvents(kind: string, id: string, object?: ImcoObject): Promise<WaitFailureEvent[]>;
  scrub(text: string): string;
}

const DEFAULT_POLL_MS = 100;
const DEFAULT_MAX_POLL_MS = 3000;
const EVENTS_IN_MESSAGE = 3;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function formatEvents(events: readonly WaitFailureEvent[]): string {
  if (events.length === 0) return 'no recent audit events';
  const shown = events.slice(0, EVENTS_IN_MESSAGE).map((e) => {
    const text = [e.header, e.description].filter(Boolean).join(': ');
    return oneLine(`${e.timestamp ?? ''} ${e.level ?? ''} ${text}`, 200);
  });
  return `latest events: ${shown.join(' | ')}`;
}

function label(kind: string, id: string, object?: StatefulObject): string {
  const title = kindSpec(kind).title;
  const rawName = (object as { name?: unknown } | undefined)?.name;
  const name = typeof rawName === 'string' && rawName ? ` '${rawName}'` : '';
  return `IMCO ${title}${name} (id ${id})`;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10}s`;
}

/** Polls until `target` holds; see `ImcoClient.waitFor`. */
export async function waitFor<T extends StatefulObject>(
  host: WaitHost,
  kind: string,
  id: string,
  target: WaitTarget<T>,
  options: WaitOptions<T> = {},
): Promise<T> {
  const spec = kindSpec(kind);
  const timeoutMs = options.timeoutMs ?? spec.waitTimeoutSeconds * 1000;
  const targetStates = typeof target === 'function' ? undefined : target.states;
  const holds: WaitPredicate<T> =
    typeof target === 'function' ? target : (o) => typeof o.state === 'string' && target.states.includes(o.state);
  const goal = targetStates ? `state ${targetStates.join(' or ')}` : options.description ?? 'the condition';
  const failStates = (options.failStates ?? spec.lifecycle?.failed ?? []).filter((s) => !targetStates?.includes(s));
  const started = Date.now();
  const deadline = started + timeoutMs;
  let interval = options.pollIntervalMs ?? DEFAULT_POLL_MS;
  const maxInterval = options.maxPollIntervalMs ?? DEFAULT_MAX_POLL_MS;
  let last: T | undefined;

  for (let polls = 1; ; polls++) {
    try {
      last = (await host.show(kind, id, options.parentParams)) as unknown as T;
    } catch (err) {
      if (!isNotFound(err)) throw err;
      throw new ImcoWaitError(host.scrub(`${label(kind, id, last)} disappeared (404) while waiting for ${goal}`), {
        reason: 'gone',
        kind,
        id,
        lastState: typeof last?.state === 'string' ? last.state : undefined,
        events: [],
      });
    }
    const elapsedMs = Date.now() - started;
    const state = typeof last.state === 'string' ? last.state : undefined;
    options.onProgress?.(last, { state, elapsedMs, polls });
    if (holds(last)) return last;
    if (state !== undefined && failStates.includes(state)) {
      const events = await host.recentEvents(kind, id, last as unknown as ImcoObject);
      throw new ImcoWaitError(
        host.scrub(`${label(kind, id, last)} reached failure state '${state}' while waiting for ${goal}; ${formatEvents(events)}`),
        { reason: 'failed_state', kind, id, lastState: state, events },
      );
    }
    const now = Date.now();
    if (now >= deadline - finalPollMs(timeoutMs)) {
      const events = await host.recentEvents(kind, id, last as unknown as ImcoObject);
      const where = state !== undefined ? `still '${state}'` : 'not there yet';
      throw new ImcoWaitError(
        host.scrub(
          `${label(kind, id, last)} ${where} after ${seconds(now - started)} waiting for ${goal}; ${formatEvents(events)}; allow a longer timeout or check the object in IMCO`,
        ),
        { reason: 'deadline', kind, id, lastState: state, events },
      );
    }
    await sleep(Math.max(0, Math.min(interval, deadline - finalPollMs(timeoutMs) - now)));
    interval = Math.min(maxInterval, Math.ceil(interval * 1.5));
  }
}

/**
 * The time kept back at the end of a wait: polling again later would leave the request less time
 * than it needs when the wait's deadline is also the invocation's (a handler's timeoutSeconds),
 * and the wait would end in a cut-off request instead of saying what it waited for.
 */
function finalPollMs(timeoutMs: number): number {
  return Math.min(1000, timeoutMs / 10);
}

/** Polls until the object answers 404; see `ImcoClient.waitForGone`. */
export async function waitForGone(host: WaitHost, kind: string, id: string, options: WaitForGoneOptions = {}): Promise<void> {
  const spec = kindSpec(kind);
  const timeoutMs = options.timeoutMs ?? spec.waitTimeoutSeconds * 1000;
  const started = Date.now();
  const deadline = started + timeoutMs;
  let interval = options.pollIntervalMs ?? DEFAULT_POLL_MS;
  const maxInterval = options.maxPollIntervalMs ?? DEFAULT_MAX_POLL_MS;
  const failStates = options.failStates ?? [];

  for (let polls = 1; ; polls++) {
    let current: ImcoObject;
    try {
      current = await host.show(kind, id, options.parentParams);
    } catch (err) {
      if (isNotFound(err)) return;
      throw err;
    }
    const elapsedMs = Date.now() - started;
    options.onProgress?.(current, { state: current.state, elapsedMs, polls });
    if (typeof current.state === 'string' && failStates.includes(current.state)) {
      const events = await host.recentEvents(kind, id, current);
      throw new ImcoWaitError(
        host.scrub(`${label(kind, id, current)} reached failure state '${current.state}' while waiting for it to be deleted; ${formatEvents(events)}`),
        { reason: 'failed_state', kind, id, lastState: current.state, events },
      );
    }
    const now = Date.now();
    if (now >= deadline - finalPollMs(timeoutMs)) {
      const events = await host.recentEvents(kind, id, current);
      throw new ImcoWaitError(
        host.scrub(
          `${label(kind, id, current)} still exists${current.state ? ` ('${current.state}')` : ''} after ${seconds(now - started)} waiting for it to be deleted; ${formatEvents(events)}`,
        ),
        { reason: 'deadline', kind, id, lastState: current.state, events },
      );
    }
    await sleep(Math.max(0, Math.min(interval, deadline - finalPollMs(timeoutMs) - now)));
    interval = Math.min(maxInterval, Math.ceil(interval * 1.5));
  }
}
