// The `timeouts { create = "10m", update = "10m", delete = "30m" }` block of every imco_* resource:
// its schema, duration parsing ("30s", "10m", "1h30m") and the seconds a handler may wait.
import type { BlockSchema, TfObject, TfValue } from '../resource-type';

export const TIMEOUT_OPERATIONS = ['create', 'update', 'delete'] as const;
export type TimeoutOperation = (typeof TIMEOUT_OPERATIONS)[number];

export function timeoutsBlock(defaultSeconds: number): BlockSchema {
  return {
    typeName: 'timeouts',
    nesting: 'single',
    description: `How long to wait for IMCO (e.g. "30s", "10m", "1h"); default ${defaultSeconds}s per operation.`,
    attributes: TIMEOUT_OPERATIONS.map((op) => ({ name: op, type: 'string' as const, optional: true })),
  };
}

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600 };

/** Seconds of a duration such as "90s", "10m" or "1h30m"; undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^(\d+(\.\d+)?[smh])+$/.test(trimmed)) return undefined;
  let total = 0;
  for (const m of trimmed.matchAll(/(\d+(?:\.\d+)?)([smh])/g)) total += Number(m[1]) * UNIT_SECONDS[m[2]];
  return total > 0 ? total : undefined;
}

/** The block's value for one operation, if set and known. */
function blockValue(values: TfObject | null, op: TimeoutOperation): TfValue {
  const block = values?.timeouts;
  if (!block || typeof block !== 'object' || Array.isArray(block) || !(op in block)) return null;
  return (block as TfObject)[op];
}

/** Seconds a handler may spend on `op`: the `timeouts` block, else the kind's default. */
export function timeoutSeconds(values: TfObject | null, op: TimeoutOperation, fallback: number): number {
  const v = blockValue(values, op);
  return typeof v === 'string' ? parseDuration(v) ?? fallback : fallback;
}

/** Problems of a `timeouts` block, as messages keyed by operation. */
export function timeoutProblems(values: TfObject): { op: TimeoutOperation; message: string }[] {
  const out: { op: TimeoutOperation; message: string }[] = [];
  for (const op of TIMEOUT_OPERATIONS) {
    const v = blockValue(values, op);
    if (typeof v === 'string' && parseDuration(v) === undefined) {
      out.push({ op, message: `timeouts.${op} = "${v}" is not a duration; write it like "30s", "10m" or "1h30m"` });
    }
  }
  return out;
}
