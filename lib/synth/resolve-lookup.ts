// Resolves a lookup query against the live IMCO catalogues, through the lookup of the query's kind
// (lib/kinds/lookups.ts). Unknown names fail with the closest candidates; ambiguous names fail
// listing what tells them apart.
import { describeLookup, type LookupQuery, type LookupValue } from './lookup-query';
import { LOOKUPS } from '../kinds/lookups';

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

export async function one(
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

/** A catalogue entry's display name. */
export const byName = (o: Record<string, unknown>): string => String(o.name ?? '');

/** One kind's lookup: resolves the query to the value imco.context.json records. */
export type KindLookup = (q: LookupQuery, list: ListFn) => Promise<LookupValue>;

/** Resolves one query; `list` is called once per catalogue it needs. */
export async function resolveLookup(q: LookupQuery, list: ListFn): Promise<LookupValue> {
  const resolveKind = (LOOKUPS as Readonly<Record<string, KindLookup>>)[q.kind];
  if (!resolveKind) throw new LookupError(`unknown lookup kind '${String(q.kind)}'`);
  return resolveKind(q, list);
}
