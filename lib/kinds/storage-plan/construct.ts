// The construct API of the read-only storage plan kind: found by name at synth time.
import type { IConstruct } from 'constructs';
import { resolveLookupIn, type LookupResult } from '../../constructs/lookups';
import type { PlanQuery } from '../server-plan/construct';

/** A storage plan of a cloud provider; its min/max sizes bound volume sizes at synth. */
export class StoragePlan {
  static lookup(scope: IConstruct, q: PlanQuery & { readonly realm?: string }): LookupResult & { readonly minSize?: number; readonly maxSize?: number } {
    const r = resolveLookupIn(scope, { kind: 'storage_plan', ...q });
    const min = r.facts.min_size;
    const max = r.facts.max_size;
    return { ...r, minSize: typeof min === 'number' ? min : undefined, maxSize: typeof max === 'number' ? max : undefined };
  }
}
