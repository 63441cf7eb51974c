// Builds the handlers' BridgeApi on the project's IMCO client, with credentials discovered the way
// the official `cio` CLI does (CONCERTO_* variables, client.xml).
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any */
import type { BridgeApi, LiveObject, ParentParams, WaitOptions } from './api';

export interface ClientApiOptions {
  /** Print one line per request (method, path, status, duration) to stderr. */
  readonly verbose?: boolean;
}

export function clientApi(options: ClientApiOptions = {}): BridgeApi {
  const { ImcoClient } = require('../client') as { ImcoClient: any };
  const client = ImcoClient.fromEnvironment({
    onRequest: options.verbose
      ? (i: { method: string; path: string; status?: number; durationMs: number; attempt: number }) =>
          process.stderr.write(`imco-bridge: ${i.method} ${i.path} -> ${i.status ?? 'error'} (${Math.round(i.durationMs)} ms, attempt ${i.attempt})\n`)
      : undefined,
  });
  return {
    get endpoint(): string {
      return client.endpoint as string;
    },
    list: (kind: string, parentParams?: ParentParams) => client.list(kind, parentParams) as Promise<LiveObject[]>,
    show: (kind: string, id: string, parentParams?: ParentParams) => client.show(kind, id, parentParams) as Promise<LiveObject>,
    createOnce: (kind: string, body: Record<string, unknown>, find: () => Promise<LiveObject | undefined>, parentParams?: ParentParams) =>
      client.createOnce(kind, body, { find, parentParams }) as Promise<LiveObject>,
    update: (kind: string, id: string, body: Record<string, unknown>, parentParams?: ParentParams) =>
      client.update(kind, id, body, parentParams) as Promise<LiveObject>,
    remove: (kind: string, id: string, parentParams?: ParentParams) => client.remove(kind, id, parentParams) as Promise<boolean>,
    action: (kind: string, name: string, id: string, body?: Record<string, unknown>, parentParams?: ParentParams) =>
      client.action(kind, name, id, body, parentParams) as Promise<unknown>,
    waitForState: (kind: string, id: string, states: readonly string[], opts: WaitOptions) =>
      client.waitFor(kind, id, { states }, opts) as Promise<LiveObject>,
    waitForGone: (kind: string, id: string, opts: WaitOptions) => client.waitForGone(kind, id, opts) as Promise<void>,
    request: <T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) =>
      client.request({ method, path, body }) as Promise<T>,
    upload: (url: string, data: Buffer) => client.upload(url, data) as Promise<void>,
    download: (url: string) => client.download(url) as Promise<Buffer>,
    close: () => client.close?.(),
  };
}
