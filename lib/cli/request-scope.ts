// Request scopes for the bridge server: many `imco-bridge` invocations run concurrently in one Node
// process, and the handlers read `process.env` and write to `process.stdout`/`process.stderr` the
// way a process of their own would. `installRequestScopes` swaps those three for views that follow
// an AsyncLocalStorage: inside `runInScope`, `process.env` is the invocation's own environment and
// both output streams go to the invocation's output; outside a scope they are the server's own.
import { AsyncLocalStorage } from 'node:async_hooks';

/** What one invocation sees as its process. */
export interface RequestScope {
  /** The invocation's environment (the provisioner's, as its shell saw it). */
  readonly env: Record<string, string>;
  /** Receives everything the invocation writes to stdout and stderr. */
  readonly write: (text: string) => void;
}

const storage = new AsyncLocalStorage<RequestScope>();
let installed = false;

/** Runs `fn` with `scope` as its process environment and output. Needs `installRequestScopes()`. */
export function runInScope<T>(scope: RequestScope, fn: () => Promise<T>): Promise<T> {
  if (!installed) throw new Error('request scopes are not installed: call installRequestScopes() first');
  return storage.run(scope, fn);
}

/** Replaces `process.env`, `process.stdout.write` and `process.stderr.write` with scope-following views (once per process). */
export function installRequestScopes(): void {
  if (installed) return;
  installed = true;
  const own = process.env;
  const current = (): Record<string, string | undefined> => storage.getStore()?.env ?? own;
  process.env = new Proxy({} as NodeJS.ProcessEnv, {
    get: (_t, key) => (typeof key === 'string' ? current()[key] : undefined),
    set: (_t, key, value) => {
      if (typeof key === 'string') current()[key] = String(value);
      return true;
    },
    deleteProperty: (_t, key) => {
      if (typeof key === 'string') delete current()[key];
      return true;
    },
    has: (_t, key) => typeof key === 'string' && key in current(),
    ownKeys: () => Object.keys(current()),
    getOwnPropertyDescriptor: (_t, key) => {
      const env = current();
      if (typeof key !== 'string' || !(key in env)) return undefined;
      return { value: env[key], writable: true, enumerable: true, configurable: true };
    },
  });
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]): boolean => {
      const scope = storage.getStore();
      if (!scope) return original(chunk, ...rest);
      scope.write(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      if (callback) process.nextTick(callback);
      return true;
    }) as typeof stream.write;
  }
}
