// The route table: every catalog kind's operations and actions (catalog-driven), plus the extra
// endpoints the kind behaviours register. One behaviour per kind that has rules of its own.
import { KINDS } from '../catalog';
import type { KindBehaviour } from './behaviour';
import { registerKindRoutes } from './crud';
import type { Handler } from './exchange';
import { Router } from './router';
import { events, platform } from './kinds/catalogues';
import { cookbookVersions } from './kinds/cookbook-versions';
import { firewallProfiles } from './kinds/firewall-profiles';
import { floatingIps } from './kinds/floating-ips';
import { labels } from './kinds/labels';
import { saasAccounts } from './kinds/saas-accounts';
import { attachments, scripts } from './kinds/scripts';
import { serverArrays } from './kinds/server-arrays';
import { servers } from './kinds/servers';
import { sshProfiles } from './kinds/ssh-profiles';
import { subnets } from './kinds/subnets';
import { templateScripts } from './kinds/template-scripts';
import { templates } from './kinds/templates';
import { volumes } from './kinds/volumes';
import { vpcs } from './kinds/vpcs';
import { vpnPlans, vpns } from './kinds/vpns';

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
