// Comparison of desired and live field values the way IMCO means them: unordered list fields (a
// firewall profile's rules) as a set by their catalog item fields, enumerations case-insensitive,
// objects by content, absent and empty treated alike.
import { KINDS, type FieldSpec } from '../catalog';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value as Record<string, unknown>).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = canonical(v);
    }
    return out;
  }
  return value;
}

function isEmpty(v: unknown): boolean {
  return (
    v === undefined ||
    v === null ||
    v === '' ||
    (Array.isArray(v) && v.length === 0) ||
    (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0)
  );
}

/** One item of an unordered list field in a comparable form, by the catalog's item fields. */
function canonicalItem(item: Record<string, unknown>, fields: readonly FieldSpec[]): unknown[] {
  return fields.map((f) => {
    const value = [f.name, ...(f.aliases ?? [])].map((n) => item[n]).find((v) => v !== undefined);
    if (f.type === 'integer' || f.type === 'number') return Number(value);
    const text = String(value ?? '');
    return f.enum ? text.toLowerCase() : text;
  });
}

/** An unordered list (a firewall profile's rules) as a sorted list of canonical items. */
function canonicalSet(items: unknown, fields: readonly FieldSpec[]): string[] {
  if (!Array.isArray(items)) return [];
  return items.map((item: Record<string, unknown>) => JSON.stringify(canonicalItem(item, fields))).sort();
}

function fieldOf(kind: string, field: string): FieldSpec | undefined {
  return KINDS.find((k) => k.kind === kind)?.createFields.find((f) => f.name === field);
}

/** True when the live value already is what the desired value asks for. */
export function sameValue(kind: string, field: string, desired: unknown, live: unknown): boolean {
  if (isEmpty(desired) && isEmpty(live)) return true;
  const spec = fieldOf(kind, field);
  if (spec?.unordered && spec.items) {
    return JSON.stringify(canonicalSet(desired, spec.items)) === JSON.stringify(canonicalSet(live, spec.items));
  }
  return JSON.stringify(canonical(desired)) === JSON.stringify(canonical(live));
}

/** The subset of `desired` (restricted to `fields`) that differs from `live`. */
export function changedFields(
  kind: string,
  fields: readonly string[],
  desired: Record<string, unknown>,
  live: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (!(f in desired)) continue;
    if (!sameValue(kind, f, desired[f], live[f])) out[f] = desired[f];
  }
  return out;
}
