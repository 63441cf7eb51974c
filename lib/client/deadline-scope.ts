// The deadline of the operation a request belongs to, when one client serves many operations
// (the provider process: one client, one keep-alive agent, each apply operation bounded by its own
// `timeouts`). `withDeadline` runs an operation; every request it starts, awaits included, ends by
// the nearest enclosing deadline (the transport takes the earlier of it and the client's own).
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<number>();

/** Runs `fn` so that no request it starts outlives `deadline` (ms since the epoch; an enclosing earlier one still holds). */
export function withDeadline<T>(deadline: number, fn: () => T): T {
  const outer = scope.getStore();
  return scope.run(outer === undefined ? deadline : Math.min(outer, deadline), fn);
}

/** The deadline of the operation running now, if any. */
export function currentDeadline(): number | undefined {
  return scope.getStore();
}
