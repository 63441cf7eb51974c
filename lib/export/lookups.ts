// The catalogue entries an exported estate refers to (cloud accounts, plans, images, realms, SaaS
// providers) as lookups of the existing lookup API, each checked against IMCO: a lookup is written
// only when its query resolves to the very id the object uses (else the id, with a comment). The
// resolved values become the app's imco.context.json, so its first synth needs no lookup fetch.
import { kindSpec } from '../catalog';
import type { BridgeApi, LiveObject } from '../handlers/api';
import { lookupExportOf } from '../kinds/export-hooks';
import { fetchQueries } from '../handlers/lookup-context';
import { lookupKey, type LookupQuery, type LookupValue } from '../synth/lookup-query';

export interface LookupCode {
  /** The lookup expression (`CloudAccount.fromName(this, 'prod')`) or a literal id with a comment. */
  readonly expression: string;
  /** The construct class of imco-cdktf the expression uses. */
  readonly className?: string;
  /** A readable stem for the variable holding it. */
  readonly stem: string;
}

const q = (v: unknown) => JSON.stringify(v);

export class EstateLookups {
  readonly context: Record<string, LookupValue> = {};
  private readonly lists = new Map<string, Promise<LiveObject[]>>();
  private readonly done = new Map<string, Promise<LookupCode>>();

  constructor(private readonly api: BridgeApi) {}

  /** The lookup of catalogue entry `id` of `kind`. */
  of(kind: string, id: string): Promise<LookupCode> {
    const key = `${kind}:${id}`;
    let p = this.done.get(key);
    if (!p) {
      p = this.resolve(kind, id);
      this.done.set(key, p);
    }
    return p;
  }

  private list(kind: string): Promise<LiveObject[]> {
    let p = this.lists.get(kind);
    if (!p) {
      p = this.api.list(kind);
      this.lists.set(kind, p);
    }
    return p;
  }

  private async nameIn(kind: string, id: unknown): Promise<string | undefined> {
    const found = (await this.list(kind)).find((o) => o.id === id);
    return typeof found?.name === 'string' ? found.name : undefined;
  }

  /**
   * The query that should find `id`, from the entry's own fields: an entry of a kind without a
   * parent by its name alone (`fromName`); one listed under its cloud provider (the catalog's
   * parent: plans, realms) by the provider's name, its name, and its location when its lookup
   * export says where that is.
   */
  private async queryOf(kind: string, id: string): Promise<LookupQuery | undefined> {
    const parent = kindSpec(kind).parent;
    if (!parent) {
      const name = await this.nameIn(kind, id);
      return name === undefined ? undefined : { kind: kind as LookupQuery['kind'], name };
    }
    const entry = await this.api.show(kind, id).catch(() => undefined);
    if (!entry || typeof entry.name !== 'string') return undefined;
    const cloudProvider = await this.nameIn(parent.kind, entry[parent.field]);
    if (!cloudProvider) return undefined;
    const located = lookupExportOf(kind)?.located;
    const location = located ? await this.nameIn(located.kind, entry[located.field]) : undefined;
    return { kind: kind as LookupQuery['kind'], cloudProvider, name: entry.name, ...(location ? { location } : {}) };
  }

  private async resolve(kind: string, id: string): Promise<LookupCode> {
    const className = lookupExportOf(kind)?.className;
    const query = className ? await this.queryOf(kind, id) : undefined;
    const literal = (why: string): LookupCode => ({ expression: `${q(id)} /* ${kind.replace(/_/g, ' ')}: ${why} */`, stem: kind });
    if (!query) return literal('not found by name');
    const answer = (await fetchQueries(this.api, [query]))[lookupKey(query)];
    if (answer?.value?.id !== id) return literal(`'${query.name}' does not name it alone`);
    this.context[lookupKey(query)] = answer.value;
    const { kind: _k, ...fields } = query;
    const expression = kindSpec(kind).parent
      ? `${className}.lookup(this, { ${Object.entries(fields).map(([k, v]) => `${k}: ${q(v)}`).join(', ')} })`
      : `${className}.fromName(this, ${q(query.name)})`;
    // `prod account`, `ubuntu image`, `small plan`: the entry's name and the last word of its kind.
    return { expression, className, stem: `${query.name} ${kind.split('_').pop()}` };
  }
}
