// The construct API of the read-only cloud provider kind: found by name at synth time.
import { byName } from '../../constructs/lookups';

/** A cloud provider (AWS, Microsoft Azure, …), by name. */
export class CloudProvider {
  static readonly fromName = byName('cloud_provider');
}
