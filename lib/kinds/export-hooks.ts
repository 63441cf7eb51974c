// The export hooks of the kinds (each kind folder's export.ts): the construct kinds in the order
// constructs are written in (what an object refers to comes first), the catalogue kinds an exported
// object names through a lookup, and the user kinds no construct can adopt, with why. Kinds of the
// catalog missing here are not exported.
import type { KindExport, LookupExport } from '../export/kind-export';
import { attachmentKind } from './attachment/catalog';
import { cloudAccountLookupExport } from './cloud-account/export';
import { cookbookVersionKind } from './cookbook-version/catalog';
import { firewallProfileExport } from './firewall-profile/export';
import { floatingIpExport } from './floating-ip/export';
import { genericImageLookupExport } from './generic-image/export';
import { realmLookupExport } from './realm/export';
import { saasAccountExport } from './saas-account/export';
import { saasProviderLookupExport } from './saas-provider/export';
import { scriptExport } from './script/export';
import { serverArrayExport } from './server-array/export';
import { serverPlanLookupExport } from './server-plan/export';
import { serverExport } from './server/export';
import { sshProfileExport } from './ssh-profile/export';
import { storagePlanLookupExport } from './storage-plan/export';
import { subnetExport } from './subnet/export';
import { templateExport } from './template/export';
import { volumeExport } from './volume/export';
import { vpcExport } from './vpc/export';
import { vpnExport } from './vpn/export';

const TABLES: readonly KindExport[] = [
  firewallProfileExport,
  sshProfileExport,
  scriptExport,
  vpcExport,
  subnetExport,
  vpnExport,
  templateExport,
  serverArrayExport,
  serverExport,
  volumeExport,
  floatingIpExport,
  saasAccountExport,
];

export const EXPORT_ORDER: readonly string[] = TABLES.map((t) => t.kind);

export function exportTableOf(kind: string): KindExport | undefined {
  return TABLES.find((t) => t.kind === kind);
}

/** The catalogue kinds exported objects name, written as lookups (else as ids). */
const LOOKUPS: readonly LookupExport[] = [
  cloudAccountLookupExport,
  genericImageLookupExport,
  saasProviderLookupExport,
  serverPlanLookupExport,
  storagePlanLookupExport,
  realmLookupExport,
];

export function lookupExportOf(kind: string): LookupExport | undefined {
  return LOOKUPS.find((l) => l.kind === kind);
}

/** User kinds of the catalog no construct can adopt, and why (reported when the account has some). */
export const NOT_EXPORTED: Readonly<Record<string, string>> = {
  [cookbookVersionKind.kind]: 'no construct can adopt it (a CookbookVersion is built from its source directory, which IMCO does not give back)',
  [attachmentKind.kind]: 'script attachments are not exported (their files stay in IMCO; add them to the Script with `attachments` to manage them)',
};
