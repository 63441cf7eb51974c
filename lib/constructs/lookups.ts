// Synth-time lookups with a synchronous construct API: IMCO catalogue entries by the names users see
// in the console; each read-only kind's construct (lib/kinds/<kind>/construct.ts) asks through here. Values come from the committed imco.context.json (lib/synth/lookups.ts); errors
// surface as validation errors on the construct that asked, with its path.
import { TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { lookup, missingLookups, missingLookupsMessage, strictContext } from '../synth/lookups';
import type { LookupKind, LookupQuery, LookupValue } from '../synth/lookup-query';
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

export function resolveLookupIn(scope: IConstruct, query: LookupQuery): LookupResult & Record<string, unknown> {
  let value: LookupValue | undefined;
  try {
    value = lookup(query, ImcoSettings.resolve(scope).environment);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    scope.node.addValidation({ validate: () => [`lookup: ${message}`] });
  }
  if (!value && strictContext()) {
    const stack = TerraformStack.of(scope);
    if (!strictReported.has(stack)) {
      strictReported.add(stack);
      stack.node.addValidation({ validate: () => (missingLookups().size > 0 ? [missingLookupsMessage()] : []) });
    }
  }
  const v = value ?? { id: MISSING_ID, name: query.name };
  return { ...v, id: v.id, name: v.name, facts: v };
}

export function byName(kind: LookupKind) {
  return (scope: IConstruct, name: string): LookupResult => resolveLookupIn(scope, { kind, name });
}

