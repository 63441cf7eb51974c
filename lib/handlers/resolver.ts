// Finds IMCO objects from ObjectRefs (ownership label, natural key in a parent, singleton, fixed
// id) and turns spec values into wire bodies (references to ids, secret references to values).
// One Resolver lives for one handler invocation and caches what it listed; in the bridge server the
// labels come from the run's shared listing (lib/handlers/run-labels.ts).
import { kindSpec } from '../catalog';
import { OWNER_NAMESPACE, isRef, isSecret, type ObjectRef, type SpecValue } from '../bridge/spec';
import { isHttpStatus, type BridgeApi, type LiveObject, type ParentParams } from './api';
import { BridgeError } from './errors';
import { runLabelsOf, type RunLabels } from './run-labels';
import { readSecret } from './secret-reader';

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

  /**
   * @param ownOwner the ownership label of the invocation's own object: with a shared listing, a
   * miss for it means the label does not exist (see run-labels.ts); a miss for any other lists again.
   */
  constructor(
    private readonly api: BridgeApi,
    private readonly ownOwner?: string,
  ) {
    this.shared = runLabelsOf(api.account);
  }

  /** Forgets cached lists after a write of this invocation (which the run's shared labels already hold). */
  invalidate(): void {
    this.labels = undefined;
    this.lists.clear();
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

  /** The objects of `kind` (in a parent), listed once per invocation until `invalidate`. */
  listCached(kind: string, parentParams?: ParentParams): Promise<LiveObject[]> {
    const key = `${kind}?${JSON.stringify(parentParams ?? {})}`;
    let p = this.lists.get(key);
    if (!p) {
      p = this.api.list(kind, parentParams);
      this.lists.set(key, p);
      p.catch(() => this.lists.delete(key));
    }
    return p;
  }

  /** All labels, listed once per invocation (or once per run and account, when shared). */
  allLabels(): Promise<LiveObject[]> {
    if (!this.labels) {
      const fetch = () => this.api.list('label');
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

  /** The ownership label with this name, if it exists. */
  async findOwnerLabel(owner: string): Promise<LiveObject | undefined> {
    const named = (labels: LiveObject[]) => labels.find((l) => l.name === owner && l.namespace === OWNER_NAMESPACE);
    const found = named(await this.allLabels());
    if (found || !this.shared || owner === this.ownOwner) return found;
    // The run's listing vouches only for the invocation's own label: another's may be newer.
    this.relist();
    return named(await this.allLabels());
  }

  /** The ownership label, created when missing (exactly once, even when the POST's answer is lost). */
  async ensureOwnerLabel(owner: string): Promise<LiveObject> {
    const found = await this.findOwnerLabel(owner);
    if (found) return found;
    const label = await this.api.createOnce('label', { name: owner, namespace: OWNER_NAMESPACE }, async () => {
      this.relist();
      return this.findOwnerLabel(owner);
    });
    this.shared?.add(label);
    this.invalidate();
    return label;
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
  async find(ref: ObjectRef): Promise<LiveObject | undefined> {
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
    if (ref.owner) {
      const label = await this.findOwnerLabel(ref.owner);
      if (!label) return undefined;
      const all = await this.listCached(ref.kind, ref.parent ? await this.parentParams(ref) : undefined);
      const owned = all.filter((o) => Array.isArray(o.label_ids) && (o.label_ids as string[]).includes(label.id));
      if (owned.length > 1) {
        throw new BridgeError(
          `${owned.length} ${spec.title}s carry the ownership label '${ref.owner}' (${owned.map((o) => o.id).join(', ')}): ` +
            `remove the label from all but one in IMCO, then apply again`,
        );
      }
      return owned[0];
    }
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
    if (isSecret(value)) return withSecrets ? readSecret(value.$secret, usedBy) : undefined;
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
