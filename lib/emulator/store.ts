// The platform's object store: every object by kind and id, in creation order, plus named counters
// (address allocation, member numbering). Keys starting with `$` are the emulator's own bookkeeping
// (seed flag, secrets, upload tokens, links) and are never rendered. Changes notify a listener,
// which schedules a debounced save of the state file.

export interface StoredObject {
  id: string;
  [field: string]: unknown;
}

/** Bookkeeping keys on stored objects (never rendered). */
export const META = {
  /** true for objects the emulator seeded. */
  seed: '$seed',
  /** Secret field values (private_key, psk, account_data). */
  secrets: '$secrets',
  /** Creation time in ms. */
  createdAt: '$createdAt',
} as const;

export function isSeed(obj: StoredObject): boolean {
  return obj[META.seed] === true;
}

export function secretsOf(obj: StoredObject): Record<string, unknown> {
  return (obj[META.secrets] ??= {}) as Record<string, unknown>;
}

export class ObjectStore {
  private readonly kinds = new Map<string, Map<string, StoredObject>>();
  private counters: Record<string, number> = {};
  private listener: () => void = () => undefined;

  /** Called after every change (used to schedule persistence). */
  onChange(listener: () => void): void {
    this.listener = listener;
  }

  /** Signals a change made in place on a stored object. */
  changed(): void {
    this.listener();
  }

  private bucket(kind: string): Map<string, StoredObject> {
    let bucket = this.kinds.get(kind);
    if (!bucket) {
      bucket = new Map();
      this.kinds.set(kind, bucket);
    }
    return bucket;
  }

  list(kind: string): StoredObject[] {
    return [...(this.kinds.get(kind)?.values() ?? [])];
  }

  get(kind: string, id: string): StoredObject | undefined {
    return this.kinds.get(kind)?.get(id);
  }

  insert(kind: string, obj: StoredObject): StoredObject {
    const bucket = this.bucket(kind);
    if (bucket.has(obj.id)) throw new Error(`duplicate ${kind} id ${obj.id}`);
    bucket.set(obj.id, obj);
    this.changed();
    return obj;
  }

  remove(kind: string, id: string): boolean {
    const removed = this.kinds.get(kind)?.delete(id) ?? false;
    if (removed) this.changed();
    return removed;
  }

  /** Drops the oldest objects of a kind beyond `max` (bounds the event log). */
  trim(kind: string, max: number): void {
    const bucket = this.kinds.get(kind);
    if (!bucket || bucket.size <= max) return;
    for (const id of [...bucket.keys()].slice(0, bucket.size - max)) bucket.delete(id);
  }

  kindNames(): string[] {
    return [...this.kinds.keys()];
  }

  /** Returns the next value of a named counter (starting at 1) and persists it. */
  next(counter: string): number {
    const value = (this.counters[counter] ?? 0) + 1;
    this.counters[counter] = value;
    this.changed();
    return value;
  }

  exportObjects(): Record<string, StoredObject[]> {
    const out: Record<string, StoredObject[]> = {};
    for (const [kind, bucket] of this.kinds) out[kind] = [...bucket.values()];
    return out;
  }

  exportCounters(): Record<string, number> {
    return { ...this.counters };
  }

  /** Replaces the whole content (state file load). */
  load(objects: Record<string, StoredObject[]>, counters: Record<string, number>): void {
    this.kinds.clear();
    for (const [kind, list] of Object.entries(objects)) {
      const bucket = this.bucket(kind);
      for (const obj of list) bucket.set(obj.id, obj);
    }
    this.counters = { ...counters };
  }
}
