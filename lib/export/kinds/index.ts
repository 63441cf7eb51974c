// The export tables by kind, and the order constructs are written in (what an object refers to
// comes first). Kinds of the catalog missing here have no construct that can adopt an object.
import { firewallProfileExport } from './firewall-profile';
import { floatingIpExport } from './floating-ip';
import { saasAccountExport } from './saas-account';
import { scriptExport } from './script';
import { serverArrayExport } from './server-array';
import { serverExport } from './server';
import { sshProfileExport } from './ssh-profile';
import { subnetExport } from './subnet';
import { templateExport } from './template';
import type { KindExport } from './types';
import { volumeExport } from './volume';
import { vpcExport } from './vpc';
import { vpnExport } from './vpn';

export type { ConstructCode, KindExport, RenderContext } from './types';

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
