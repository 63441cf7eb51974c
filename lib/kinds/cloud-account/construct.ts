// The construct API of the read-only cloud account kind: found by name at synth time.
import { byName } from '../../constructs/lookups';

/** A cloud account, by its name in IMCO. */
export class CloudAccount {
  static readonly fromName = byName('cloud_account');
}
