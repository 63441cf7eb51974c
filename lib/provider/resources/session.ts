// The provider process's connection to IMCO: the provider block's settings, the handlers' API
// (client loaded on first use: the schema calls never load axios), and the shared read lists.
// One client (one keep-alive agent: TLS sessions reused) serves every operation of the process;
// each apply operation gets a view of it bounded by the operation's deadline. Apply operations that
// overlap in time share one label listing, as the bridge server's invocations of one run do
// (lib/handlers/run-labels.ts: why a miss in it for this stack instance's label is final), and one
// list per kind and parent (lib/handlers/run-lists.ts); once none is running, they are forgotten,
// so knowledge is never carried across an idle gap in which someone else may have written (a
// long-lived process, a test).
import type { BridgeApi, ParentParams } from '../../handlers/api';
import { forgetRunLabels, shareRunLabels, stopSharingRunLabels } from '../../handlers/run-labels';
import { RunLists, withRunLists } from '../../handlers/run-lists';
import { ListCache } from './read-cache';

/** Provider block settings: paths only, never key material. */
export interface ProviderSettings {
  readonly endpoint?: string;
  readonly caCertPath?: string;
  readonly clientCertPath?: string;
  readonly clientKeyPath?: string;
  readonly configPath?: string;
  /** The stack the resources' ownership labels belong to (`stack` of the provider block). */
  readonly stack?: string;
  /** The stack instance id of those labels (`stack_instance`; imco.identity.json of a CDKTF app). */
  readonly stackInstance?: string;
}

/** Labels of hand-written configurations that name no stack: one stack, `terraform`, per account. */
export const DEFAULT_STACK_IDENTITY = { stack: 'terraform', instance: 'hand-written' } as const;

/** Makes the process's API (one per configuration). */
export type ApiFactory = (settings: ProviderSettings) => Promise<BridgeApi>;

/** The handlers' API on the project's client, credentials discovered like `cio` (loaded lazily). */
export const clientApiFactory: ApiFactory = async (settings) => {
  const [{ ImcoClient }, { apiOf }] = await Promise.all([import('../../client/client'), import('../../handlers/client-api')]);
  shareRunLabels();
  return apiOf(ImcoClient.fromEnvironment({ ...settings }));
};

/** `api` with every call run under `deadline` (lib/client/deadline-scope.ts); closing it calls `done` once and leaves `api` open. */
async function boundedBy(api: BridgeApi, deadline: number, done: () => void): Promise<BridgeApi> {
  let open = true;
  const { withDeadline } = await import('../../client/deadline-scope');
  const by = <T>(call: () => T): T => withDeadline(deadline, call);
  return {
    get endpoint() {
      return api.endpoint;
    },
    get account() {
      return api.account;
    },
    list: (kind, parentParams) => by(() => api.list(kind, parentParams)),
    show: (kind, id, parentParams) => by(() => api.show(kind, id, parentParams)),
    createOnce: (kind, body, find, parentParams) => by(() => api.createOnce(kind, body, find, parentParams)),
    update: (kind, id, body, parentParams) => by(() => api.update(kind, id, body, parentParams)),
    remove: (kind, id, parentParams) => by(() => api.remove(kind, id, parentParams)),
    action: (kind, name, id, body, parentParams) => by(() => api.action(kind, name, id, body, parentParams)),
    waitForState: (kind, id, states, opts) => by(() => api.waitForState(kind, id, states, opts)),
    waitForGone: (kind, id, opts) => by(() => api.waitForGone(kind, id, opts)),
    call: <T>(op: string, params?: ParentParams, body?: unknown, query?: Readonly<Record<string, string>>) => by(() => api.call<T>(op, params, body, query)),
    upload: (url, data) => by(() => api.upload(url, data)),
    download: (url) => by(() => api.download(url)),
    close: () => {
      if (open) done();
      open = false;
    },
  };
}

export class Session {
  private settings: ProviderSettings = {};
  private current?: Promise<BridgeApi>;
  /** Apply operations running now (between apiUntil and the close of its API). */
  private running = 0;
  /** The kinds' lists the running apply operations share. */
  private runLists = new RunLists();
  readonly lists = new ListCache();

  constructor(private readonly factory: ApiFactory = clientApiFactory) {}

  configure(settings: ProviderSettings): void {
    this.settings = settings;
    this.current?.then((api) => api.close(), () => undefined);
    this.current = undefined;
    stopSharingRunLabels();
  }

  /** The stack instance whose ownership labels this provider's resources carry. */
  identity(): { readonly stack: string; readonly instance: string } {
    return {
      stack: this.settings.stack ?? DEFAULT_STACK_IDENTITY.stack,
      instance: this.settings.stackInstance ?? DEFAULT_STACK_IDENTITY.instance,
    };
  }

  /**
   * The API for one apply operation, whose requests (retries included) end by `deadline` — the
   * operation's timeout, as the provisioner's handlers bound theirs — so a stalled answer cannot
   * outlive it. Shares the process's client; closing it ends the operation (the client stays open).
   */
  async apiUntil(deadline: number): Promise<BridgeApi> {
    const api = await this.api();
    this.running++;
    const bounded = await boundedBy(api, deadline, () => {
      if (--this.running > 0) return;
      forgetRunLabels();
      this.runLists = new RunLists();
    });
    return withRunLists(bounded, this.runLists);
  }

  /** The API, made on first use (a failure is retried on the next call). */
  api(): Promise<BridgeApi> {
    if (!this.current) {
      const made = this.factory(this.settings);
      this.current = made;
      made.catch(() => {
        if (this.current === made) this.current = undefined;
      });
    }
    return this.current;
  }
}
