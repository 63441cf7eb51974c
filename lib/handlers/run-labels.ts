// Ownership labels shared by the invocations of one Terraform run. In the bridge server (one
// process per run), every create, update and delete needs the label list; without sharing, each
// lists all labels again (one round trip before anything else can start). With sharing, the run
// lists them once per IMCO account and adds every label it creates, so a create is two rounds
// (its kind's list and the label POST at once, then the object's POST) instead of three.
//
// Why a run may trust its own listing for its stack instance's labels: an ownership label names
// one construct of one stack instance (lib/spec/identity.ts), and only an apply of that stack
// creates it. Terraform's state lock keeps those applies one at a time (should two race anyway,
// the loser's POST is refused as taken and it looks the label up: lib/handlers/resolver.ts), a
// new run first waits for the commands an interrupted run left in flight
// (lib/cli/interrupted-run.ts), and this run adds each label it creates. So a label of this stack
// instance that is absent from the listing does not exist; nor does a label of an earlier version,
// which nothing makes any more. Any other miss, and every lost answer, lists again. Nothing
// removes labels. Off by default: a process of its own, and every test that does not ask for it,
// lists per invocation.
import type { LiveObject } from './api';

let sharing = false;
const runs = new Map<string, RunLabels>();

/** From now on, invocations of the same account share one label listing (the bridge server calls this). */
export function shareRunLabels(): void {
  sharing = true;
}

/** Forgets every shared listing and stops sharing. */
export function stopSharingRunLabels(): void {
  sharing = false;
  runs.clear();
}

/** Forgets every shared listing; sharing goes on (the next invocation lists anew). */
export function forgetRunLabels(): void {
  runs.clear();
}

/** The shared labels of `account` (endpoint and client identity), or undefined when not sharing. */
export function runLabelsOf(account: string | undefined): RunLabels | undefined {
  if (!sharing || !account) return undefined;
  let labels = runs.get(account);
  if (!labels) {
    labels = new RunLabels();
    runs.set(account, labels);
  }
  return labels;
}

/** One account's labels as this run knows them: a listing plus the labels created since. */
export class RunLabels {
  private listing?: Promise<LiveObject[]>;
  private readonly created = new Map<string, LiveObject>();

  /**
   * The labels: listed with `fetch` on first use (a failed listing is tried again next time). A
   * caller whose wait ends in another caller's failed listing (that caller's deadline, say) lists
   * with its own `fetch`; only a failure of its own is its error.
   */
  async all(fetch: () => Promise<LiveObject[]>): Promise<LiveObject[]> {
    for (;;) {
      const own = !this.listing;
      if (!this.listing) {
        const listing = fetch();
        this.listing = listing;
        listing.catch(() => {
          if (this.listing === listing) this.listing = undefined;
        });
      }
      try {
        return this.merged(await this.listing);
      } catch (err) {
        if (own) throw err;
      }
    }
  }

  /** Lists again with `fetch` (after an unknown outcome, or a miss that must be checked). */
  async refresh(fetch: () => Promise<LiveObject[]>): Promise<LiveObject[]> {
    this.listing = undefined;
    return this.all(fetch);
  }

  /** Records a label this run created. */
  add(label: LiveObject): void {
    this.created.set(label.id, label);
  }

  private merged(listed: readonly LiveObject[]): LiveObject[] {
    if (this.created.size === 0) return [...listed];
    const ids = new Set(listed.map((l) => l.id));
    return [...listed, ...[...this.created.values()].filter((l) => !ids.has(l.id))];
  }
}
