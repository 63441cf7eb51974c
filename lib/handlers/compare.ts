// Comparison of desired and live field values the way IMCO means them: firewall rules as a set with
// case-insensitive protocols, objects by content, absent and empty treated alike.

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

/** Firewall rules in a comparable form: lower-case protocol, numeric ports, sorted. */
function canonicalRules(rules: unknown): string[] {
  if (!Array.isArray(rules)) return [];
  return rules
    .map((r: Record<string, unknown>) =>
      JSON.stringify([
        String(r.ip_protocol ?? r.protocol ?? '').toLowerCase(),
        Number(r.min_port),
        Number(r.max_port),
        String(r.source ?? ''),
      ]),
    )
    .sort();
}

/** True when the live value already is what the desired value asks for. */
export function sameValue(kind: string, field: string, desired: unknown, live: unknown): boolean {
  if (isEmpty(desired) && isEmpty(live)) return true;
  if (kind === 'firewall_profile' && field === 'rules') {
    return JSON.stringify(canonicalRules(desired)) === JSON.stringify(canonicalRules(live));
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
