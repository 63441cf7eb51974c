// Lookup queries: what a synth-time lookup asks for (a catalogue entry by name, optionally narrowed
// by provider, location or realm) and its stable key in imco.context.json.

import type { LookupKind } from '../kinds/lookups';

export type { LookupKind };

export interface LookupQuery {
  readonly kind: LookupKind;
  /** The name as the IMCO console shows it. */
  readonly name: string;
  /** Cloud provider name, for plans and realms. */
  readonly cloudProvider?: string;
  /** Location name, to tell plans of the same name apart. */
  readonly location?: string;
  /** Realm name (provider realm), to tell storage plans apart. */
  readonly realm?: string;
}

/** What a resolved lookup records: the id plus facts validation uses. */
export interface LookupValue {
  readonly id: string;
  readonly name: string;
  readonly [fact: string]: string | number | boolean | null | readonly string[];
}

const KEY_FIELDS = ['cloudProvider', 'location', 'realm', 'name'] as const;

/** Stable key, e.g. `server_plan:cloudProvider=AWS;name=t3.medium`. */
export function lookupKey(q: LookupQuery): string {
  const parts = KEY_FIELDS.filter((f) => q[f] !== undefined).map((f) => `${f}=${String(q[f])}`);
  return `${q.kind}:${parts.join(';')}`;
}

/** Inverse of lookupKey; errors name the bad key. */
export function parseLookupKey(key: string): LookupQuery {
  const m = /^([a-z_]+):(.*)$/.exec(key);
  if (!m) throw new Error(`'${key}' is not a lookup key (expected kind:field=value;…)`);
  const q: Record<string, string> = { kind: m[1] };
  for (const part of m[2].split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new Error(`'${key}' is not a lookup key (bad part '${part}')`);
    q[part.slice(0, eq)] = part.slice(eq + 1);
  }
  if (!q.name) throw new Error(`lookup key '${key}' has no name`);
  return q as unknown as LookupQuery;
}

/** Human description, e.g. `server plan 't3.medium' of AWS`. */
export function describeLookup(q: LookupQuery): string {
  const of = [q.cloudProvider && `of ${q.cloudProvider}`, q.location && `in ${q.location}`, q.realm && `in realm ${q.realm}`]
    .filter(Boolean)
    .join(' ');
  return `${q.kind.replace(/_/g, ' ')} '${q.name}'${of ? ` ${of}` : ''}`;
}
