// Resolves a lookup query against the live IMCO catalogues. Unknown names fail with the closest
// candidates; ambiguous names fail listing what tells them apart.
import { describeLookup, type LookupQuery, type LookupValue } from './lookup-query';

/** What resolution needs from the API: a catalogue listing. */
export type ListFn = (kind: string, parentParams?: Readonly<Record<string, string>>) => Promise<Array<Record<string, unknown>>>;

export class LookupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LookupError';
  }
}

function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const row = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (s[i - 1] === t[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[t.length];
}

/** The few names closest to `name`, for "did you mean" messages. */
export function closest(name: string, candidates: readonly string[], n = 3): string[] {
  return [...new Set(candidates)]
    .map((c) => ({ c, d: distance(name, c) - (c.toLowerCase().includes(name.toLowerCase()) ? 2 : 0) }))
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, n)
    .map((x) => x.c);
}

async function one(
  q: LookupQuery,
  what: string,
  items: Array<Record<string, unknown>>,
  nameOf: (o: Record<string, unknown>) => string,
  tellApart?: (o: Record<string, unknown>) => string,
): Promise<Record<string, unknown>> {
  const hits = items.filter((o) => nameOf(o) === q.name);
  if (hits.length === 1) return hits[0];
  if (hits.length === 0) {
    const near = closest(q.name, items.map(nameOf));
    throw new LookupError(`${describeLookup(q)} not found among ${items.length} ${what}${near.length ? `; closest: ${near.map((c) => `'${c}'`).join(', ')}` : ''}`);
  }
  const apart = tellApart ? hits.map(tellApart).join(', ') : hits.map((h) => String(h.id)).join(', ');
  throw new LookupError(`${describeLookup(q)} is ambiguous: ${hits.length} ${what} match (${apart}); narrow it down${tellApart ? ' (e.g. by location or realm)' : ''}`);
}

const byName = (o: Record<string, unknown>): string => String(o.name ?? '');

/** Resolves one query; `list` is called once per catalogue it needs. */
export async function resolveLookup(q: LookupQuery, list: ListFn): Promise<LookupValue> {
  const provider = async (): Promise<Record<string, unknown>> => {
    if (!q.cloudProvider) throw new LookupError(`${describeLookup(q)} needs its cloud provider (cloudProvider: 'AWS', …)`);
    return one({ kind: 'cloud_provider', name: q.cloudProvider }, 'cloud providers', await list('cloud_provider'), byName);
  };
  const locationId = async (): Promise<string | undefined> => {
    if (!q.location) return undefined;
    return String((await one({ kind: 'location', name: q.location }, 'locations', await list('location'), byName)).id);
  };
  switch (q.kind) {
    case 'cloud_account': {
      const o = await one(q, 'cloud accounts', await list('cloud_account'), byName);
      return { id: String(o.id), name: q.name, cloud_provider_id: String(o.cloud_provider_id ?? '') };
    }
    case 'cloud_provider':
    case 'location':
    case 'generic_image': {
      const o = await one(q, `${q.kind.replace(/_/g, ' ')}s`, await list(q.kind), byName);
      return { id: String(o.id), name: q.name };
    }
    case 'saas_provider': {
      const o = await one(q, 'SaaS providers', await list('saas_provider'), byName);
      return { id: String(o.id), name: q.name, required_account_data: (o.required_account_data as string[]) ?? [] };
    }
    case 'realm': {
      const p = await provider();
      const o = await one(q, `realms of ${q.cloudProvider}`, await list('realm', { cloud_provider_id: String(p.id) }), byName);
      return { id: String(o.id), name: q.name, cloud_provider_id: String(p.id), provider_name: String(o.provider_name ?? '') };
    }
    case 'server_plan': {
      const p = await provider();
      const loc = await locationId();
      const plans = (await list('server_plan', { cloud_provider_id: String(p.id) })).filter((o) => !loc || o.location_id === loc);
      const o = await one(q, `server plans of ${q.cloudProvider}`, plans, byName, (h) => `location ${String(h.location_name ?? h.location_id)}`);
      return {
        id: String(o.id),
        name: q.name,
        cloud_provider_id: String(p.id),
        location_id: String(o.location_id ?? ''),
        memory: Number(o.memory ?? 0),
        cpus: Number(o.cpus ?? 0),
      };
    }
    case 'storage_plan': {
      const p = await provider();
      const loc = await locationId();
      const plans = (await list('storage_plan', { cloud_provider_id: String(p.id) })).filter(
        (o) => (!loc || o.location_id === loc) && (!q.realm || o.realm_provider_name === q.realm || o.realm_id === q.realm),
      );
      const o = await one(q, `storage plans of ${q.cloudProvider}`, plans, byName, (h) => `realm ${String(h.realm_provider_name ?? h.realm_id)}`);
      return {
        id: String(o.id),
        name: q.name,
        cloud_provider_id: String(p.id),
        realm_id: String(o.realm_id ?? ''),
        min_size: Number(o.min_size ?? 0),
        max_size: Number(o.max_size ?? 0),
      };
    }
    case 'audit_events': {
      const m = /^latest (\d{1,3})$/.exec(q.name);
      if (!m) throw new LookupError(`audit events lookup '${q.name}' must be named 'latest <n>' (n from 1 to 999)`);
      const events = (await list('event')).slice(0, Number(m[1]));
      return {
        id: String(events[0]?.id ?? ''),
        name: q.name,
        events: events.map((e) => `${String(e.timestamp)} ${String(e.level)} ${String(e.header)}`),
      };
    }
    default:
      throw new LookupError(`unknown lookup kind '${String((q as LookupQuery).kind)}'`);
  }
}
