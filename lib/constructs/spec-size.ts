// The synth check that an object's spec fits in a provisioner's environment, and what to do when it
// does not — advice that fits what made it big: a script's code goes to attachments, a firewall
// profile's rules are merged or split over several profiles, a template's configuration attributes
// move into a cookbook. The largest field of the spec decides.
import type { BridgeSpec } from '../bridge/spec';

/** Largest spec (bytes of its JSON) a provisioner's environment takes. */
export const MAX_SPEC_BYTES = 100 * 1024;

const SCRIPT_ADVICE =
  'move large content out of it — ship big files as script attachments (uploaded from disk) instead of inline code or codeFile, keep configuration attributes small';

/** The field of the spec whose JSON is largest, and that JSON's size. */
function largestField(spec: BridgeSpec): { name: string; bytes: number } {
  let best = { name: '', bytes: 0 };
  for (const [name, value] of [...Object.entries(spec.fields), ...Object.entries(spec.extras)]) {
    const bytes = Buffer.byteLength(JSON.stringify(value) ?? '');
    if (bytes > best.bytes) best = { name, bytes };
  }
  return best;
}

function rulesAdvice(spec: BridgeSpec, specBytes: number, rulesBytes: number): string {
  const count = Array.isArray(spec.fields.rules) ? spec.fields.rules.length : 0;
  const perRule = count > 0 ? rulesBytes / count : rulesBytes;
  const fit = Math.max(1, Math.floor((MAX_SPEC_BYTES - (specBytes - rulesBytes)) / Math.max(1, perRule)));
  return (
    `its ${count} rules are too many for one firewall profile here — merge rules into port ranges (fromPort/toPort) and wider source CIDRs, ` +
    `or split them over several FirewallProfiles (about ${fit} rules like these fit in one)`
  );
}

/** What to do about a spec of `specBytes` bytes that is over the limit. */
export function specSizeAdvice(spec: BridgeSpec, specBytes: number): string {
  const largest = largestField(spec);
  if (spec.kind === 'firewall_profile' && largest.name === 'rules') return rulesAdvice(spec, specBytes, largest.bytes);
  if (spec.kind === 'template' && largest.name === 'configuration_attributes') {
    return 'its configuration attributes are too large — keep them small and move bulk data into a cookbook (its attributes or files), uploaded from disk';
  }
  if (spec.kind === 'script') return SCRIPT_ADVICE;
  return `move large content out of it (its largest field is ${largest.name})`;
}

/** The problem with a spec too big for a provisioner's environment, or undefined. */
export function specSizeProblem(spec: BridgeSpec, specJson: string): string | undefined {
  const bytes = Buffer.byteLength(specJson);
  if (bytes <= MAX_SPEC_BYTES) return undefined;
  return `its spec is ${Math.ceil(bytes / 1024)} KiB, more than the ${MAX_SPEC_BYTES / 1024} KiB that fit in a provisioner's environment; ${specSizeAdvice(spec, bytes)}`;
}
