// The route table: every catalog kind's operations and actions (catalog-driven), plus the extra
// endpoints the kind behaviours register. One behaviour per kind that has rules of its own.
import { KINDS } from '../catalog';
import type { KindBehaviour } from './behaviour';
import { registerKindRoutes } from './crud';
import type { Handler } from './exchange';
import { Router } from './router';
import { events, platform } from '../kinds/platform/catalogues';
import { cookbookVersions } from '../kinds/cookbook-version/emulator';
import { firewallProfiles } from '../kinds/firewall-profile/emulator';
import { floatingIps } from '../kinds/floating-ip/emulator';
import { labels } from '../kinds/label/emulator';
import { saasAccounts } from '../kinds/saas-account/emulator';
import { attachments, scripts } from '../kinds/script/emulator';
import { serverArrays } from '../kinds/server-array/emulator';
import { servers } from '../kinds/server/emulator';
import { sshProfiles } from '../kinds/ssh-profile/emulator';
import { subnets } from '../kinds/subnet/emulator';
import { templateScripts } from '../kinds/template-script/emulator';
import { templates } from '../kinds/template/emulator';
import { volumes } from '../kinds/volume/emulator';
import { vpcs } from '../kinds/vpc/emulator';
import { vpnPlans, vpns } from '../kinds/vpn/emulator';

export const BEHAVIOURS: readonly KindBehaviour[] = [
  templates,
  templateScripts,
  cookbookVersions,
  scripts,
  attachments,
  firewallProfiles,
  vpcs,
  subnets,
  vpns,
  vpnPlans,
  floatingIps,
  volumes,
  sshProfiles,
  servers,
  serverArrays,
  saasAccounts,
  labels,
  events,
  platform,
];

export function buildRouter(behaviours: readonly KindBehaviour[] = BEHAVIOURS): Router<Handler> {
  const router = new Router<Handler>();
  const add = (method: string, template: string, handler: Handler): void => router.add(method, template, handler);
  for (const spec of KINDS) registerKindRoutes(spec, add);
  for (const behaviour of behaviours) behaviour.routes?.(add);
  return router;
}
