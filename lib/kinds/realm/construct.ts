// The construct API of the read-only realm kind: found by name at synth time.
import type { IConstruct } from 'constructs';
import { resolveLookupIn, type LookupResult } from '../../constructs/lookups';

/** A realm (provider region) of a cloud provider; `facts.provider_name` is the provider's own name for it. */
export class Realm {
  static lookup(scope: IConstruct, q: { readonly cloudProvider: string; readonly name: string }): LookupResult & { readonly providerName: string } {
    const r = resolveLookupIn(scope, { kind: 'realm', ...q });
    return { ...r, providerName: String(r.facts.provider_name ?? '') };
  }
}
