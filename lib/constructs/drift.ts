// `IMCO_DRIFT=plan` on the constructs side: a lazy `imco_drift` trigger per `_sync` resource, filled
// at synth from one live drift check of the whole stack (lib/synth/drift-fingerprints.ts).
import { Lazy, TerraformStack } from 'cdktf';
import { driftPlanMode, fetchDriftFingerprints } from '../synth/drift-fingerprints';
import type { ImcoObject } from './imco-object';
import { registryOf } from './registry';
import { ImcoSettings } from './settings';

const perStack = new WeakMap<TerraformStack, Record<string, string>>();

function fingerprintsOf(obj: ImcoObject): Record<string, string> {
  const stack = TerraformStack.of(obj);
  let prints = perStack.get(stack);
  if (!prints) {
    const objects = registryOf(obj).objects as unknown as ImcoObject[];
    prints = fetchDriftFingerprints(
      objects.map((o) => o.spec),
      ImcoSettings.resolve(obj).environment,
    );
    perStack.set(stack, prints);
  }
  return prints;
}

/**
 * The `imco_drift` trigger of an object's `_sync` resource, or undefined when live synth is off. An
 * object in sync gets no key at all, so switching IMCO_DRIFT on or off changes no plan by itself.
 */
export function driftTrigger(obj: ImcoObject): unknown {
  if (!driftPlanMode()) return undefined;
  return Lazy.anyValue({
    produce: () => {
      const print = fingerprintsOf(obj)[obj.objectPath];
      return print === undefined || print === 'in-sync' ? undefined : print;
    },
  });
}
