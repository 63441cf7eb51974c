// The construct API of the read-only location kind: found by name at synth time.
import { byName } from '../../constructs/lookups';

/** A location (North America, Europe, …), by name. */
export class Location {
  static readonly fromName = byName('location');
}
