// One list per kind and parent, shared by the reads of one provider process: Terraform refreshes
// every resource with a ReadResource call of its own, concurrently, so reads that arrive while a
// list is in flight (or shortly after) share its answer. A refresh of N objects then costs
// O(kinds + parents) API calls instead of N. Any write of the process (an apply) forgets them all.
import type { LiveObject, ParentParams } from '../../handlers/api';

interface Entry {
  readonly at: number;
  readonly objects: Promise<LiveObject[]>;
}

export class ListCache {
  private readonly entries = new Map<string, Entry>();

  /**
   * @param maxAgeMs how long a finished list is reused (a long-lived provider process must see
   * later edits); lists in flight are always shared.
   */
  constructor(
    private readonly maxAgeMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The objects of `kind` (in a parent): one shared `fetch` per key while fresh. */
  list(kind: string, parentParams: ParentParams | undefined, fetch: () => Promise<LiveObject[]>): Promise<LiveObject[]> {
    const key = `${kind}?${JSON.stringify(parentParams ?? {})}`;
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at <= this.maxAgeMs) return hit.objects;
    const objects = fetch();
    const entry: Entry = { at: this.now(), objects };
    this.entries.set(key, entry);
    objects.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return objects;
  }

  /** Forgets every list (after a write). */
  invalidate(): void {
    this.entries.clear();
  }
}
