// Reads the estate `imco-bridge export` adopts: every object of the exportable kinds that no stack
// owns (no label in the `imco-cdktf` namespace), with the children of the exported parents (the
// exported kinds whose catalog parent is theirs: a VPC's subnets and VPN) and their parts (the
// writable kinds with no construct of their own under them: a template's scripts, a script's
// attachments), and what is left out and why (owned by a stack, read-only defaults of the account,
// objects carried by another, kinds no construct adopts). What differs per kind comes from the
// catalog and the kinds' export hooks (lib/kinds/export-hooks.ts).
import { OWNER_NAMESPACE, parseStackInstanceTag } from '../spec/identity';
import { KINDS, LABEL_KIND, kindSpec, type KindSpec } from '../catalog';
import { isHttpStatus, type BridgeApi, type LiveObject } from '../handlers/api';
import { EXPORT_ORDER, NOT_EXPORTED, exportTableOf } from '../kinds/export-hooks';
import type { NameIn } from './kind-export';

export interface EstateObject {
  readonly kind: string;
  readonly id: string;
  readonly live: LiveObject;
  /** Name as IMCO shows it ('' for objects without one). */
  readonly name: string;
  /** The parent's id (the catalog's parent: a subnet's or VPN's VPC). */
  readonly parentId?: string;
  /** The object's parts by kind (a template's `template_script`s, a script's `attachment`s). */
  readonly parts?: Readonly<Record<string, readonly LiveObject[]>>;
}

export interface SkippedObject {
  readonly kind: string;
  readonly id: string;
  readonly name: string;
  readonly reason: string;
}

export interface Estate {
  readonly objects: readonly EstateObject[];
  readonly skipped: readonly SkippedObject[];
}

export interface ReadOptions {
  /** Only these kinds (children need their parent's kind). */
  readonly kinds?: readonly string[];
  /** Only objects whose name matches (objects without a name follow their parent). */
  readonly nameFilter?: RegExp;
  /** One line per listing and every 50 objects of a long one. */
  readonly progress?: (line: string) => void;
}

const nameOf = (o: LiveObject): string => (typeof o.name === 'string' ? o.name : '');
const words = (kind: string) => kind.replace(/_/g, ' ');

/** Exported kinds read on their own (no parent), in export order. */
const topLevel = () => EXPORT_ORDER.filter((k) => !kindSpec(k).parent);
/** Exported kinds read under an object of `kind` (a VPC's subnets and VPN). */
const childKinds = (kind: string) => EXPORT_ORDER.map(kindSpec).filter((k) => k.parent?.kind === kind);
/** Writable kinds without a construct of their own, read under an object of `kind` (its parts). */
const partKinds = (kind: string) => KINDS.filter((k) => k.parent?.kind === kind && !k.construct && k.operations.includes('create'));

/** Why an object is not exported because of its labels, if it is not. */
function ownedBy(live: LiveObject, labels: ReadonlyMap<string, LiveObject>): string | undefined {
  const ids = Array.isArray(live.label_ids) ? (live.label_ids as string[]) : [];
  for (const id of ids) {
    const label = labels.get(id);
    if (!label || label.namespace !== OWNER_NAMESPACE) continue;
    const tag = parseStackInstanceTag(label.value);
    return tag ? `owned by stack '${tag.stack}' (ownership label ${String(label.name)})` : `owned by a stack (ownership label ${String(label.name)})`;
  }
  return undefined;
}

/** One read of the estate: the API, the options and the shared listings. */
class EstateReader {
  readonly objects: EstateObject[] = [];
  readonly skipped: SkippedObject[] = [];
  private readonly lists = new Map<string, Promise<LiveObject[]>>();

  constructor(
    private readonly api: BridgeApi,
    private readonly options: ReadOptions,
    private readonly labels: ReadonlyMap<string, LiveObject>,
  ) {}

  readonly progress = (line: string) => this.options.progress?.(line);
  readonly wanted = (kind: string) => !this.options.kinds || this.options.kinds.includes(kind);
  readonly nameIn: NameIn = async (kind, id) => {
    let list = this.lists.get(kind);
    if (!list) this.lists.set(kind, (list = this.api.list(kind)));
    const found = (await list).find((o) => o.id === id);
    return typeof found?.name === 'string' ? found.name : undefined;
  };

  skip(kind: string, live: LiveObject, reason: string): void {
    this.skipped.push({ kind, id: live.id, name: nameOf(live), reason });
  }

  private async listed(kind: string, params?: Record<string, string>): Promise<LiveObject[]> {
    const all = await this.api.list(kind, params);
    if (all.length >= 50) this.progress(`  ${words(kind)}: ${all.length} objects`);
    return all;
  }

  /** The objects of one top-level exported kind, each by name then id, with children and parts. */
  async readKind(kind: string): Promise<void> {
    const spec = kindSpec(kind);
    const hook = exportTableOf(kind);
    this.progress(`reading ${words(kind)}s`);
    const all = (await this.listed(kind)).sort((a, b) => nameOf(a).localeCompare(nameOf(b)) || a.id.localeCompare(b.id));
    let done = 0;
    for (const listedObject of all) {
      if (++done % 50 === 0) this.progress(`  ${words(kind)}: ${done}/${all.length}`);
      const reason = ownedBy(listedObject, this.labels) ?? hook?.defaultReason?.(listedObject);
      if (reason) {
        this.skip(kind, listedObject, reason);
        continue;
      }
      if (this.options.nameFilter && !this.options.nameFilter.test(nameOf(listedObject))) continue;
      const carried = hook?.carriedBy?.(listedObject);
      if (carried) {
        this.skip(kind, listedObject, carried);
        continue;
      }
      // A kind listed slim (its catalog `listFields`) is read in full.
      const live = spec.listFields ? await this.api.show(kind, listedObject.id) : listedObject;
      const name = spec.nameField || !hook?.displayName ? nameOf(live) : await hook.displayName(live, this.nameIn);
      this.objects.push({ kind, id: live.id, live, name, ...(await this.partsOf(kind, live)) });
      await this.readChildren(spec, live, name);
    }
  }

  /** The parts of one object, in the order its export hook gives. */
  private async partsOf(kind: string, live: LiveObject): Promise<Partial<EstateObject>> {
    const kinds = partKinds(kind);
    if (kinds.length === 0) return {};
    const compare = exportTableOf(kind)?.compareParts;
    const parts: Record<string, readonly LiveObject[]> = {};
    for (const part of kinds) {
      const all = await this.api.list(part.kind, { [part.parent!.param]: live.id });
      parts[part.kind] = compare ? all.sort(compare) : all;
    }
    return { parts };
  }

  /** The exported children of one object (they follow their parent: no labels of their own). */
  private async readChildren(parent: KindSpec, live: LiveObject, parentName: string): Promise<void> {
    for (const child of childKinds(parent.kind)) {
      if (!this.wanted(child.kind) || exportTableOf(parent.kind)?.lacksChild?.(live, child.kind)) continue;
      for (const c of await this.childrenOf(child, live.id)) {
        const name = child.nameField ? nameOf(c) : `${parentName} ${child.title}`;
        this.objects.push({ kind: child.kind, id: c.id, live: c, name, parentId: live.id, ...(await this.partsOf(child.kind, c)) });
      }
    }
  }

  /** A parent's objects of one child kind, by their natural identity (a subnet's CIDR). */
  private async childrenOf(child: KindSpec, parentId: string): Promise<LiveObject[]> {
    const params = { [child.parent!.param]: parentId };
    if (child.singleton) {
      const one = await this.api.show(child.kind, '', params).catch((err: unknown) => {
        if (isHttpStatus(err, 404)) return undefined;
        throw err;
      });
      return one ? [one] : [];
    }
    const fields = child.identity.by === 'natural' ? child.identity.fields : [];
    const key = (o: LiveObject) => fields.map((f) => String(o[f])).join('\u0000');
    return (await this.api.list(child.kind, params)).sort((a, b) => key(a).localeCompare(key(b)));
  }

  /** Objects of the top-level kinds no construct adopts (their own, or their stack's if owned). */
  async reportUnadopted(): Promise<void> {
    for (const [kind, why] of Object.entries(NOT_EXPORTED)) {
      if (!this.wanted(kind) || kindSpec(kind).parent) continue;
      for (const o of await this.api.list(kind)) this.skip(kind, o, ownedBy(o, this.labels) ?? why);
    }
  }
}

/** Reads the estate; objects in the export order of their kinds, each kind by name then id. */
export async function readEstate(api: BridgeApi, options: ReadOptions = {}): Promise<Estate> {
  const labels = new Map((await api.list(LABEL_KIND)).map((l) => [l.id, l]));
  const reader = new EstateReader(api, options, labels);
  for (const kind of topLevel()) if (reader.wanted(kind)) await reader.readKind(kind);
  await reader.reportUnadopted();
  return { objects: reader.objects, skipped: reader.skipped };
}

/** The parts of the exported objects whose kind no construct adopts (a script's attachments), as skipped. */
export function unadoptedParts(objects: readonly EstateObject[]): SkippedObject[] {
  return objects.flatMap((o) =>
    Object.entries(o.parts ?? {})
      .filter(([kind]) => NOT_EXPORTED[kind])
      .flatMap(([kind, parts]) =>
        parts.map((p) => ({ kind, id: p.id, name: String(p.name ?? ''), reason: `of ${kindSpec(o.kind).title} '${o.name}': ${NOT_EXPORTED[kind]}` })),
      ),
  );
}
