// The export hooks of the kinds (each kind folder's export.ts), and the order constructs are written in (what an object refers to
// comes first). Kinds of the catalog missing here have no construct that can adopt an object.
import { firewallProfileExport } from './firewall-profile/export';
import { floatingIpExport } from './floating-ip/export';
import { saasAccountExport } from './saas-account/export';
import { scriptExport } from './script/export';
import { serverArrayExport } from './server-array/export';
import { serverExport } from './server/export';
import { sshProfileExport } from './ssh-profile/export';
import { subnetExport } from './subnet/export';
import { templateExport } from './template/export';
import type { KindExport } from '../export/kind-export';
import { volumeExport } from './volume/export';
import { vpcExport } from './vpc/export';
import { vpnExport } from './vpn/export';

export type { ConstructCode, KindExport, RenderContext } from '../export/kind-export';

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

/** User kinds of the catalog no construct can adopt, and why (reported when the account has some). */
export const NOT_EXPORTED: Readonly<Record<string, string>> = {
  cookbook_version: 'no construct can adopt it (a CookbookVersion is built from its source directory, which IMCO does not give back)',
  attachment: 'script attachments are not exported (their files stay in IMCO; add them to the Script with `attachments` to manage them)',
};
