// The synth check that an object's spec fits in a provisioner's environment, and what to do when it
// does not — advice that fits what made it big (each kind's advice: lib/kinds/spec-size-advice.ts),
// else a general word on the largest field.
import type { BridgeSpec } from '../spec/spec';
import { KIND_SPEC_SIZE_ADVICE } from '../kinds/spec-size-advice';

/** Largest spec (bytes of its JSON) a provisioner's environment takes. */
export const MAX_SPEC_BYTES = 100 * 1024;

/** The field of the spec whose JSON is largest, and that JSON's size. */
export function largestField(spec: BridgeSpec): { name: string; bytes: number } {
  let best = { name: '', bytes: 0 };
  for (const [name, value] of [...Object.entries(spec.fields), ...Object.entries(spec.extras)]) {
    const bytes = Buffer.byteLength(JSON.stringify(value) ?? '');
    if (bytes > best.bytes) best = { name, bytes };
  }
  return best;
}

/** What to do about a spec of `specBytes` bytes that is over the limit. */
export function specSizeAdvice(spec: BridgeSpec, specBytes: number): string {
  const largest = largestField(spec);
  const advice = KIND_SPEC_SIZE_ADVICE[spec.kind]?.(spec, specBytes, largest);
  if (advice) return advice;
  return `move large content out of it (its largest field is ${largest.name})`;
}

/** The problem with a spec too big for a provisioner's environment, or undefined. */
export function specSizeProblem(spec: BridgeSpec, specJson: string): string | undefined {
  const bytes = Buffer.byteLength(specJson);
  if (bytes <= MAX_SPEC_BYTES) return undefined;
  return `its spec is ${Math.ceil(bytes / 1024)} KiB, more than the ${MAX_SPEC_BYTES / 1024} KiB that fit in a provisioner's environment; ${specSizeAdvice(spec, bytes)}`;
}
