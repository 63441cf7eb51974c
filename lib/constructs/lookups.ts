// Synth-time lookups with a synchronous construct API: IMCO catalogue entries by the names users see
// in the console; each read-only kind's construct (lib/kinds/<kind>/construct.ts) asks through here.
// Values come from the committed imco.context.json (lib/synth/lookups.ts); errors surface as
// validation errors on the IMCO objects that use the result (with their construct paths), or on the
// construct that asked when no object uses it.
import { TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { lookup, missingLookups, missingLookupsMessage, strictContext } from '../synth/lookups';
import type { LookupKind, LookupQuery, LookupValue } from '../synth/lookup-query';
import { registryOf } from './registry';
import { ImcoSettings } from './settings';

/** What a lookup returns: usable wherever an id is expected (`IdLike`). */
export interface LookupResult {
  readonly id: string;
  readonly name: string;
  /** Facts recorded with the lookup (e.g. a storage plan's `min_size` / `max_size`). */
  readonly facts: Readonly<LookupValue>;
}

const MISSING_ID = 'imco-lookup-missing';
const strictReported = new WeakSet<TerraformStack>();
/** Ids handed out for lookups that failed → why they failed. */
const failedLookups = new Map<string, string>();

/** Problems for the ids in `fields` that stand for failed lookups: reported on the construct that uses them. */
export function failedLookupProblems(fields: unknown): string[] {
  const text = JSON.stringify(fields) ?? '';
  if (!text.includes(MISSING_ID)) return [];
  return [...failedLookups].filter(([id]) => text.includes(`"${id}"`)).map(([, message]) => `lookup: ${message}`);
}

/** True when an IMCO object of the stack uses `id` (it then reports the failed lookup itself). */
function usedByAnObject(scope: IConstruct, id: string): boolean {
  return registryOf(scope).objects.some((o) => {
    try {
      return JSON.stringify((o as { spec?: { fields?: unknown } }).spec?.fields ?? {}).includes(`"${id}"`);
    } catch {
      return false;
    }
  });
}

export function resolveLookupIn(scope: IConstruct, query: LookupQuery): LookupResult & Record<string, unknown> {
  let value: LookupValue | undefined;
  let missingId = MISSING_ID;
  try {
    value = lookup(query, ImcoSettings.resolve(scope).environment);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    missingId = `${MISSING_ID}-${failedLookups.size + 1}`;
    failedLookups.set(missingId, message);
    const id = missingId;
    // On the constructs that use the result (with their paths); here only when none does.
    scope.node.addValidation({ validate: () => (usedByAnObject(scope, id) ? [] : [`lookup: ${message}`]) });
  }
  if (!value && strictContext()) {
    const stack = TerraformStack.of(scope);
    if (!strictReported.has(stack)) {
      strictReported.add(stack);
      stack.node.addValidation({ validate: () => (missingLookups().size > 0 ? [missingLookupsMessage()] : []) });
    }
  }
  const v = value ?? { id: missingId, name: query.name };
  return { ...v, id: v.id, name: v.name, facts: v };
}

export function byName(kind: LookupKind) {
  return (scope: IConstruct, name: string): LookupResult => resolveLookupIn(scope, { kind, name });
}

