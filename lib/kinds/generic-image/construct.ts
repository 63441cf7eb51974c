// The construct API of the read-only generic image kind: found by name at synth time.
import { byName } from '../../constructs/lookups';

/** A generic image (e.g. `Ubuntu 22.04 Jammy Jellyfish x86_64`), by name. */
export class GenericImage {
  static readonly fromName = byName('generic_image');
}
