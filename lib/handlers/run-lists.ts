// Lists of objects per kind and parent shared by the apply operations of the provider process that
// overlap in time (lib/provider/resources/session.ts forgets them when none runs). Without
// sharing, every create lists its kind for a same-named twin: N listings of growing size for N
// creates. With it, the creates running together share one listing, plus what they created since.
//
// Why that is safe: the lists serve the twin check and finding an object by its ownership label.
// Every create made through `withRunLists` is added with its answer (label_ids included), so a
// later find or twin check sees it; any other write of a kind (update, delete, action) forgets that
// kind's lists, and an upload or any other raw write forgets all; a resolver that looks again (after an unknown
// outcome, or a label made since the labels were listed) lists anew (Resolver.invalidate), and that
// listing replaces the shared one. Another apply of the same stack is excluded by Terraform's state
// lock; other stacks never carry this stack's labels.
import { findEndpoint } from '../catalog';
import type { BridgeApi, LiveObject, ParentParams } from './api';

interface Listing {
  readonly objects: Promise<LiveObject[]>;
  /** Objects created through the shared API since the listing started, by id. */
  readonly created: Map<string, LiveObject>;
}

const keyOf = (kind: string, parentParams?: ParentParams) => `${kind}?${JSON.stringify(parentParams ?? {})}`;

export class RunLists {
  private readonly listings = new Map<string, Listing>();

  /** The objects of `kind` (in a parent): the shared listing, made with `fetch` on first use, plus the creates since. */
  async list(kind: string, parentParams: ParentParams | undefined, fetch: () => Promise<LiveObject[]>): Promise<LiveObject[]> {
    const listing = this.listings.get(keyOf(kind, parentParams)) ?? this.start(keyOf(kind, parentParams), fetch);
    return merged(await listing.objects, listing.created);
  }

  /** Lists anew with `fetch`; the new listing replaces the shared one. */
  async refresh(kind: string, parentParams: ParentParams | undefined, fetch: () => Promise<LiveObject[]>): Promise<LiveObject[]> {
    const listing = this.start(keyOf(kind, parentParams), fetch);
    return merged(await listing.objects, listing.created);
  }

  /** Records a created object (its create answer). */
  add(kind: string, parentParams: ParentParams | undefined, object: LiveObject): void {
    this.listings.get(keyOf(kind, parentParams))?.created.set(object.id, object);
  }

  /** Forgets the lists of `kind` (after a write that may change what they hold). */
  forget(kind: string): void {
    for (const key of [...this.listings.keys()]) if (key.startsWith(`${kind}?`)) this.listings.delete(key);
  }

  /** Forgets every list. */
  forgetAll(): void {
    this.listings.clear();
  }

  private start(key: string, fetch: () => Promise<LiveObject[]>): Listing {
    const listing: Listing = { objects: fetch(), created: new Map() };
    this.listings.set(key, listing);
    listing.objects.catch(() => {
      if (this.listings.get(key) === listing) this.listings.delete(key);
    });
    return listing;
  }
}

function merged(listed: readonly LiveObject[], created: ReadonlyMap<string, LiveObject>): LiveObject[] {
  if (created.size === 0) return [...listed];
  const ids = new Set(listed.map((o) => o.id));
  return [...listed, ...[...created.values()].filter((o) => !ids.has(o.id))];
}

const attached = new WeakMap<BridgeApi, RunLists>();

/** `api` with its writes keeping `lists` right (creates added, other writes forget), attached for the resolvers made on it. */
export function withRunLists(api: BridgeApi, lists: RunLists): BridgeApi {
  const forgetting = async <T>(kind: string | undefined, write: () => Promise<T>): Promise<T> => {
    const forget = () => (kind === undefined ? lists.forgetAll() : lists.forget(kind));
    forget();
    try {
      return await write();
    } finally {
      forget(); // a listing made meanwhile may predate the write
    }
  };
  const shared: BridgeApi = {
    ...api,
    get endpoint() {
      return api.endpoint;
    },
    get account() {
      return api.account;
    },
    createOnce: async (kind, body, find, parentParams) => {
      const made = await api.createOnce(kind, body, find, parentParams);
      lists.add(kind, parentParams, Array.isArray(body.label_ids) && !('label_ids' in made) ? { ...made, label_ids: body.label_ids } : made);
      return made;
    },
    update: (kind, id, body, parentParams) => forgetting(kind, () => api.update(kind, id, body, parentParams)),
    remove: (kind, id, parentParams) => forgetting(kind, () => api.remove(kind, id, parentParams)),
    action: (kind, name, id, body, parentParams) => forgetting(kind, () => api.action(kind, name, id, body, parentParams)),
    upload: (url, data) => forgetting(undefined, () => api.upload(url, data)),
    call: <T>(op: string, params?: ParentParams, body?: unknown, query?: Readonly<Record<string, string>>) =>
      findEndpoint(op)?.method === 'GET' ? api.call<T>(op, params, body, query) : forgetting(undefined, () => api.call<T>(op, params, body, query)),
  };
  attached.set(shared, lists);
  return shared;
}

/** The shared lists an API carries (`withRunLists`), if any. */
export function runListsOf(api: BridgeApi): RunLists | undefined {
  return attached.get(api);
}
