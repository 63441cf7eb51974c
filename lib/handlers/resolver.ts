// Finds IMCO objects from ObjectRefs (ownership label, natural key in a parent, singleton, fixed
// id) and turns spec values into wire bodies (references to ids, secret references to values).
// One Resolver lives for one handler invocation and caches what it listed; in the bridge server the
// labels come from the run's shared listing (lib/handlers/run-labels.ts); in the provider process,
// the kinds' lists of the operations running together are shared too (lib/handlers/run-lists.ts).
import { assignLabel, unassignLabel } from '../kinds/label/assignment';
import { LABEL_KIND, kindSpec } from '../catalog';
import { OWNER_NAMESPACE, isRef, isSecret, type ObjectRef, type SpecValue } from '../spec/spec';
import { parseStackInstanceTag, type OwnershipLabel } from '../spec/identity';
import { isHttpStatus, type BridgeApi, type LiveObject, type ParentParams } from './api';
import { BridgeError } from './errors';
import { describeIdentity, describeOwner, isLegacyOwnerLabel, ownLabelOf, type StackIdentity } from './ownership';
import { runLabelsOf, type RunLabels } from './run-labels';
import type { Invocation } from './invocation';
import { runListsOf, type RunLists } from './run-lists';
import { readSecret } from './secret-reader';

/** How `find` looks for a labelled object. */
export interface FindOptions {
  /**
   * Also accept an object that carries only the ref's label of an earlier version (no stack
   * instance), while this instance's label for the ref does not exist yet: objects the stack's
   * state holds from before the upgrade. A create (a new object in the state) passes false.
   * @default true
   */
  readonly legacy?: boolean;
}

const carries = (o: LiveObject, labelId: string): boolean => Array.isArray(o.label_ids) && (o.label_ids as string[]).includes(labelId);

/** True for an IMCO answer that the label name is in use already (another apply made it first). */
function isNameTaken(err: unknown): boolean {
  return isHttpStatus(err, 422) && /taken/i.test(err instanceof Error ? err.message : String(err));
}

export function describeRef(ref: ObjectRef): string {
  const title = kindSpec(ref.kind).title;
  if (ref.path) return `${title} '${ref.path}'`;
  if (ref.owner) return `${title} owned by label '${ref.owner}'`;
  if (ref.id) return `${title} ${ref.id}`;
  return title;
}

export class Resolver {
  private labels?: Promise<LiveObject[]>;
  private readonly lists = new Map<string, Promise<LiveObject[]>>();
  /** The run's shared labels (bridge server), else undefined: this invocation lists its own. */
  private readonly shared: RunLabels | undefined;
  /** The next label listing must be a new one, even when shared. */
  private relistLabels = false;
  /** The shared lists of kinds (provider process), else undefined: this invocation lists its own. */
  private readonly sharedLists: RunLists | undefined;
  /** Since `invalidate`, this invocation's listings are new ones (they replace the shared ones). */
  private listAnew = false;
  /** Ownership labels `ensureOwnerLabel` found only by looking again: made since the listing, not by this invocation. */
  private readonly lateLabels = new Set<string>();

  /**
   * @param ownOwner the ownership label name of the invocation's own object: with a shared listing,
   * a miss for it means the label does not exist (see run-labels.ts); a miss for any other lists again.
   * @param identity the stack instance whose labels refs stand for (`identityOf(spec)`; without an
   * instance, the labels of earlier versions).
   */
  constructor(
    private readonly api: BridgeApi,
    private readonly ownOwner: string | undefined,
    readonly identity: StackIdentity,
    /** Where secrets referenced by environment variable or relative file are read (default: this process). */
    private readonly invocation?: Pick<Invocation, 'env' | 'cwd'>,
  ) {
    this.shared = runLabelsOf(api.account);
    this.sharedLists = runListsOf(api);
  }

  /** The ownership label a ref's object carries (this stack instance's), if the ref is labelled. */
  labelOf(ref: ObjectRef): OwnershipLabel | undefined {
    return ownLabelOf(this.identity, ref);
  }

  /**
   * Label names are unique in IMCO: a label of this name that another stack instance made (a
   * hand-chosen `owner` of the native provider used in two repositories) is never taken over.
   */
  private refuseForeignLabel(want: OwnershipLabel, found: LiveObject): void {
    if (!want.value || found.value === want.value || !parseStackInstanceTag(found.value)) return;
    throw new BridgeError(
      `the ownership label '${want.name}' belongs to ${describeOwner(found)}, not to ${describeIdentity(this.identity)}; ` +
        `a stack never takes over another stack's objects: give this object another owner name, or each repository its own stack instance`,
    );
  }

  /** Forgets cached lists after a write of this invocation (which the run's shared labels already hold). */
  invalidate(): void {
    this.labels = undefined;
    this.lists.clear();
    this.listAnew = true;
  }

  /** Forgets cached lists and lists the labels anew, shared or not: when looking again after an unknown outcome. */
  relist(): void {
    this.invalidate();
    this.relistLabels = true;
  }

  /**
   * Starts listing the labels and the objects of `kind` at once: a create needs both (its label,
   * then its owned object or a same-named twin), so they cost one round trip instead of two.
   */
  prefetch(kind: string, parentParams?: ParentParams): void {
    void this.allLabels().catch(() => undefined);
    void this.listCached(kind, parentParams).catch(() => undefined);
  }

  /** The objects of `kind` (in a parent), listed once per invocation until `invalidate` (or shared: run-lists.ts). */
  listCached(kind: string, parentParams?: ParentParams): Promise<LiveObject[]> {
    const key = `${kind}?${JSON.stringify(parentParams ?? {})}`;
    let p = this.lists.get(key);
    if (!p) {
      const fetch = () => this.api.list(kind, parentParams);
      const shared = this.sharedLists;
      p = !shared ? fetch() : this.listAnew ? shared.refresh(kind, parentParams, fetch) : shared.list(kind, parentParams, fetch);
      this.lists.set(key, p);
      p.catch(() => this.lists.delete(key));
    }
    return p;
  }

  /** All labels, listed once per invocation (or once per run and account, when shared). */
  allLabels(): Promise<LiveObject[]> {
    if (!this.labels) {
      const fetch = () => this.api.list(LABEL_KIND);
      const { shared, relistLabels } = this;
      this.relistLabels = false;
      const labels = shared ? (relistLabels ? shared.refresh(fetch) : shared.all(fetch)) : fetch();
      this.labels = labels;
      labels.catch(() => {
        if (this.labels === labels) this.labels = undefined;
      });
    }
    return this.labels;
  }

  /**
   * The ownership label with this name, if it exists. `trusted`: a miss in the run's shared listing
   * is final (labels of earlier versions, which nothing makes any more).
   */
  async findOwnerLabel(owner: string, trusted = false): Promise<LiveObject | undefined> {
    const named = (labels: LiveObject[]) => labels.find((l) => l.name === owner && l.namespace === OWNER_NAMESPACE);
    const found = named(await this.allLabels());
    if (found || !this.shared || trusted || owner === this.ownOwner) return found;
    // The run's listing vouches only for the invocation's own label: another's may be newer.
    this.relist();
    return named(await this.allLabels());
  }

  /**
   * The ownership label, created when missing: exactly once, even when the POST's answer is lost,
   * and when another apply made it between our listing and our POST (IMCO answers that the name is
   * taken), that one is looked up and used.
   */
  async ensureOwnerLabel(owner: OwnershipLabel | string): Promise<LiveObject> {
    const want = typeof owner === 'string' ? { name: owner, namespace: OWNER_NAMESPACE, value: '' } : owner;
    const found = await this.findOwnerLabel(want.name);
    if (found) {
      this.refuseForeignLabel(want, found);
      return found;
    }
    const body: Record<string, unknown> = { name: want.name, namespace: want.namespace };
    if (want.value) body.value = want.value;
    const lookAgain = async () => {
      this.relist();
      return this.findOwnerLabel(want.name);
    };
    let label: LiveObject;
    try {
      label = await this.api.createOnce(LABEL_KIND, body, lookAgain);
    } catch (err) {
      if (!isNameTaken(err)) throw err;
      const made = await lookAgain();
      if (!made) throw err;
      this.refuseForeignLabel(want, made);
      this.lateLabels.add(made.id);
      label = made;
    }
    this.shared?.add(label);
    this.invalidate();
    return label;
  }

  /**
   * Whether `ensureOwnerLabel` found this label only after its listing said it did not exist (another
   * writer made it since: an interrupted create of this object, say), so an object may carry it.
   */
  labelFoundLate(labelId: string): boolean {
    return this.lateLabels.has(labelId);
  }

  /**
   * Moves an object found by its label of an earlier version to this stack instance's label: adds
   * the new label, then removes the old one. Returns what it did, for the log (undefined: nothing to do).
   */
  async migrateOwnership(ref: ObjectRef, live: LiveObject, resourceType: string): Promise<string | undefined> {
    const own = this.labelOf(ref);
    if (!own || !own.value || !ref.owner) return undefined;
    const label = await this.ensureOwnerLabel(own);
    if (carries(live, label.id)) return undefined;
    await assignLabel(this.api, label.id, resourceType, live.id);
    const legacy = await this.findOwnerLabel(ref.owner, true);
    if (legacy && carries(live, legacy.id)) {
      await unassignLabel(this.api, legacy.id, resourceType, live.id);
    }
    this.invalidate();
    return `moved from the ownership label '${ref.owner}' of an earlier imco-cdktf version to '${label.name as string}'`;
  }

  /** The objects of a ref's kind that carry `label` (at most one, else an error that says what to do). */
  private async carrying(ref: ObjectRef, label: LiveObject, exclude?: (o: LiveObject) => boolean): Promise<LiveObject | undefined> {
    const spec = kindSpec(ref.kind);
    const parentParams = ref.parent ? await this.parentParams(ref) : undefined;
    let owned = (await this.listCached(ref.kind, parentParams)).filter((o) => carries(o, label.id) && !exclude?.(o));
    if (owned.length === 0 && this.sharedLists && !this.listAnew) {
      // The label exists but the shared list may predate its object (made by an interrupted run since): look again.
      this.invalidate();
      owned = (await this.listCached(ref.kind, parentParams)).filter((o) => carries(o, label.id) && !exclude?.(o));
    }
    if (owned.length > 1) {
      throw new BridgeError(
        `${owned.length} ${spec.title}s carry the ownership label '${String(label.name)}' (${owned.map((o) => o.id).join(', ')}): ` +
          `remove the label from all but one in IMCO, then apply again`,
      );
    }
    return owned[0];
  }

  /** The object that carries a ref's ownership label (this instance's; else, when allowed, the legacy one). */
  private async findOwned(ref: ObjectRef, opts: FindOptions): Promise<LiveObject | undefined> {
    const own = this.labelOf(ref)!;
    // Only applies of this stack make its instance's labels, and a run adds each it makes: a miss
    // in the run's listing is final (run-labels.ts), for the labels of references too.
    const label = await this.findOwnerLabel(own.name, !!own.value);
    if (label) {
      this.refuseForeignLabel(own, label);
      return this.carrying(ref, label);
    }
    if (!own.value || opts.legacy === false || !ref.owner) return undefined;
    // This instance has no label for the ref yet: an object of an earlier version's apply carries
    // only the legacy label. One that another stack instance has since labelled is not ours.
    const legacy = await this.findOwnerLabel(ref.owner, true);
    if (!legacy) return undefined;
    const labels = await this.allLabels();
    const claimed = new Set(labels.filter((l) => l.namespace === OWNER_NAMESPACE && !isLegacyOwnerLabel(l)).map((l) => l.id));
    return this.carrying(ref, legacy, (o) => ((o.label_ids as string[] | undefined) ?? []).some((id) => claimed.has(id)));
  }

  /** Parent path parameters of a ref (`{ vpc_id }` for a subnet); resolves the parent. */
  async parentParams(ref: ObjectRef): Promise<ParentParams | undefined> {
    const spec = kindSpec(ref.kind);
    if (!spec.parent) return undefined;
    if (!ref.parent) throw new BridgeError(`${describeRef(ref)} has no parent in its spec: re-synthesize the stack`);
    const parent = await this.find(ref.parent);
    if (!parent) {
      throw new BridgeError(`${describeRef(ref.parent)} (parent of ${describeRef(ref)}) does not exist in IMCO`);
    }
    return { [spec.parent.param]: parent.id };
  }

  /** Finds the live object a ref names, or undefined when it does not exist. */
  async find(ref: ObjectRef, opts: FindOptions = {}): Promise<LiveObject | undefined> {
    const spec = kindSpec(ref.kind);
    if (ref.id) {
      if (spec.identity.by === 'lookup') return { id: ref.id };
      try {
        return await this.api.show(ref.kind, ref.id, ref.parent ? await this.parentParams(ref) : undefined);
      } catch (err) {
        if (isHttpStatus(err, 404)) return undefined;
        throw err;
      }
    }
    if (ref.owner) return this.findOwned(ref, opts);
    let parentParams: ParentParams | undefined;
    if (ref.parent) {
      const parent = await this.find(ref.parent);
      if (!parent) return undefined;
      parentParams = { [spec.parent!.param]: parent.id };
    }
    if (spec.singleton) {
      try {
        return await this.api.show(ref.kind, '', parentParams);
      } catch (err) {
        if (isHttpStatus(err, 404)) return undefined;
        throw err;
      }
    }
    if (ref.natural) {
      const all = await this.listCached(ref.kind, parentParams);
      const natural = ref.natural;
      return all.find((o) => Object.entries(natural).every(([k, v]) => String(o[k]) === v));
    }
    throw new BridgeError(`${describeRef(ref)} has no identity (owner, natural key or id): re-synthesize the stack`);
  }

  /** Like find, but a missing object is an error that says what to do. */
  async require(ref: ObjectRef, usedBy: string): Promise<LiveObject> {
    const found = await this.find(ref);
    if (!found) {
      throw new BridgeError(
        `${describeRef(ref)}, referenced by ${usedBy}, does not exist in IMCO: apply the stack that declares it first ` +
          `(or, if it was deleted outside Terraform, apply again to recreate it)`,
      );
    }
    return found;
  }

  /** Turns a spec value into its wire value: refs become ids, secrets their values. */
  async materialize(value: SpecValue, usedBy: string, withSecrets: boolean): Promise<unknown> {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return Promise.all(value.map((v) => this.materialize(v as SpecValue, usedBy, withSecrets)));
    if (isRef(value)) return (await this.require(value.$ref, usedBy)).id;
    if (isSecret(value)) return withSecrets ? readSecret(value.$secret, usedBy, this.invocation) : undefined;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, SpecValue>)) {
      const m = await this.materialize(v, usedBy, withSecrets);
      if (m !== undefined) out[k] = m;
    }
    return out;
  }

  /** Materializes a whole field map; secret fields are left out unless `withSecrets`. */
  async materializeFields(
    fields: Readonly<Record<string, SpecValue>>,
    usedBy: string,
    withSecrets: boolean,
  ): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) {
      const m = await this.materialize(v, usedBy, withSecrets);
      if (m !== undefined) out[k] = m;
    }
    return out;
  }
}
