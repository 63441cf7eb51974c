// The emulator's behaviour of each kind that has rules of its own (kinds without one get the generic
// CRUD of lib/emulator/crud.ts), and the platform endpoints (ping, wizard, audit events).
import type { KindBehaviour } from '../emulator/behaviour';
import { events, platform } from './platform/catalogues';
import { cookbookVersions } from './cookbook-version/emulator';
import { firewallProfiles } from './firewall-profile/emulator';
import { floatingIps } from './floating-ip/emulator';
import { labels } from './label/emulator';
import { saasAccounts } from './saas-account/emulator';
import { attachments, scripts } from './script/emulator';
import { serverArrays } from './server-array/emulator';
import { servers } from './server/emulator';
import { sshProfiles } from './ssh-profile/emulator';
import { subnets } from './subnet/emulator';
import { templateScripts } from './template-script/emulator';
import { templates } from './template/emulator';
import { volumes } from './volume/emulator';
import { vpcs } from './vpc/emulator';
import { vpnPlans, vpns } from './vpn/emulator';

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

