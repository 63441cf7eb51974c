// Builds the handlers' BridgeApi on the project's IMCO client, with credentials discovered the way
// the official `cio` CLI does (CONCERTO_* variables, client.xml). Loaded lazily by imco-bridge.
import { ImcoClient } from '../client/client';
import { ImcoError } from '../client/errors';
import type { RequestInfo } from '../client/transport';
import type { BridgeApi, LiveObject, ParentParams, WaitOptions } from './api';
import { processInvocation, type Invocation } from './invocation';

export interface ClientApiOptions {
  /** Print one line per request (method, path, status, duration) to stderr. */
  readonly verbose?: boolean;
  /** Absolute time (ms) no request may outlive: the invocation's deadline. */
  readonly deadline?: number;
  /** Whose environment holds the credentials and where the request log goes (default: this process). */
  readonly invocation?: Invocation;
}

/** The handlers' API over an existing client. */
export function apiOf(client: ImcoClient): BridgeApi {
  const progress = (opts: WaitOptions) =>
    opts.onProgress ? (obj: LiveObject, p: { elapsedMs: number }) => opts.onProgress!(obj, p.elapsedMs) : undefined;
  return {
    get endpoint(): string {
      return client.endpoint;
    },
    get account(): string {
      return client.account;
    },
    list: (kind, parentParams) => client.list<LiveObject>(kind, parentParams),
    show: (kind, id, parentParams) => client.show<LiveObject>(kind, id, parentParams),
    createOnce: (kind, body, find, parentParams?: ParentParams) => client.createOnce<LiveObject>(kind, body, { find, parentParams }),
    update: (kind, id, body, parentParams) => client.update<LiveObject>(kind, id, body, parentParams),
    remove: (kind, id, parentParams) => client.remove(kind, id, parentParams),
    action: async (kind, name, id, body, parentParams) => {
      try {
        return await client.action(kind, name, id, body, parentParams);
      } catch (err) {
        // An idempotent action (PUT/DELETE: boot, shutdown, detach, compile, empty) whose first
        // answer was lost after IMCO acted is repeated by the client, and IMCO refuses the repeat
        // (422: the object already is in the new state). It is done; the caller's wait confirms it.
        if (err instanceof ImcoError && err.status === 422 && err.afterLostAnswer && err.method !== 'POST') return undefined;
        throw err;
      }
    },
    waitForState: (kind, id, states, opts) =>
      client.waitFor<LiveObject & { state?: string }>(kind, id, { states }, {
        timeoutMs: opts.timeoutMs,
        parentParams: opts.parentParams,
        onProgress: progress(opts),
      }),
    waitForGone: (kind, id, opts) =>
      client.waitForGone(kind, id, { timeoutMs: opts.timeoutMs, parentParams: opts.parentParams }),
    call: <T>(op: string, params?: ParentParams, body?: unknown, query?: Readonly<Record<string, string>>) => client.call<T>(op, params, body, query),
    upload: (url, data) => client.uploadTo(url, data),
    download: (url) => client.downloadFrom(url),
    close: () => client.close(),
  };
}

export function clientApi(options: ClientApiOptions = {}): BridgeApi {
  const inv = options.invocation ?? processInvocation();
  const client = ImcoClient.fromEnvironment({
    env: inv.env,
    cwd: inv.cwd,
    deadline: options.deadline,
    onRequest: options.verbose
      ? (i: RequestInfo) =>
          inv.stderr(`imco-bridge: ${i.method} ${i.path} -> ${i.status ?? 'error'} (${Math.round(i.durationMs)} ms, attempt ${i.attempt})\n`)
      : undefined,
  });
  return apiOf(client);
}
