// The construct API of the read-only saas provider kind: found by name at synth time.
import { byName } from '../../constructs/lookups';

/** A SaaS provider, by name; `facts.required_account_data` lists the keys its account data needs. */
export class SaasProvider {
  static readonly fromName = byName('saas_provider');
}
