// What to do about a spec too big for a provisioner's environment, per kind: a script's code goes to
// attachments, a firewall profile's rules are merged or split over several profiles, a template's
// configuration attributes move into a cookbook. Read by lib/constructs/spec-size.ts.
import type { BridgeSpec } from '../spec/spec';
import { MAX_SPEC_BYTES } from '../constructs/spec-size';
import { firewallProfileKind } from './firewall-profile/catalog';
import { scriptKind } from './script/catalog';
import { templateKind } from './template/catalog';

type Advice = (spec: BridgeSpec, specBytes: number, largest: { name: string; bytes: number }) => string | undefined;

const SCRIPT_ADVICE =
  'move large content out of it — ship big files as script attachments (uploaded from disk) instead of inline code or codeFile, keep configuration attributes small';

function rulesAdvice(spec: BridgeSpec, specBytes: number, rulesBytes: number): string {
  const count = Array.isArray(spec.fields.rules) ? spec.fields.rules.length : 0;
  const perRule = count > 0 ? rulesBytes / count : rulesBytes;
  const fit = Math.max(1, Math.floor((MAX_SPEC_BYTES - (specBytes - rulesBytes)) / Math.max(1, perRule)));
  return (
    `its ${count} rules are too many for one firewall profile here — merge rules into port ranges (fromPort/toPort) and wider source CIDRs, ` +
    `or split them over several FirewallProfiles (about ${fit} rules like these fit in one)`
  );
}

/** Advice by kind; undefined lets the general advice speak. */
export const KIND_SPEC_SIZE_ADVICE: Readonly<Record<string, Advice>> = {
  [firewallProfileKind.kind]: (spec, specBytes, largest) => (largest.name === 'rules' ? rulesAdvice(spec, specBytes, largest.bytes) : undefined),
  [templateKind.kind]: (_spec, _bytes, largest) =>
    largest.name === 'configuration_attributes'
      ? 'its configuration attributes are too large — keep them small and move bulk data into a cookbook (its attributes or files), uploaded from disk'
      : undefined,
  [scriptKind.kind]: () => SCRIPT_ADVICE,
};
