// The catalog index: gathers every kind folder's catalog entry (lib/kinds/<kind>/catalog.ts) into
// KINDS, the one list the client, handlers, provider and emulator read. Adding a kind: a folder under
// lib/kinds/ with its catalog.ts, and one line here. Tests may add a throw-away kind with registerKind.
import type { KindSpec } from './types';
import { templateKind } from '../kinds/template/catalog';
import { templateScriptKind } from '../kinds/template-script/catalog';
import { cookbookVersionKind } from '../kinds/cookbook-version/catalog';
import { scriptKind } from '../kinds/script/catalog';
import { attachmentKind } from '../kinds/attachment/catalog';
import { firewallProfileKind } from '../kinds/firewall-profile/catalog';
import { vpcKind } from '../kinds/vpc/catalog';
import { subnetKind } from '../kinds/subnet/catalog';
import { vpnKind } from '../kinds/vpn/catalog';
import { floatingIpKind } from '../kinds/floating-ip/catalog';
import { volumeKind } from '../kinds/volume/catalog';
import { sshProfileKind } from '../kinds/ssh-profile/catalog';
import { serverKind } from '../kinds/server/catalog';
import { serverArrayKind } from '../kinds/server-array/catalog';
import { saasAccountKind } from '../kinds/saas-account/catalog';
import { labelKind } from '../kinds/label/catalog';
import { cloudProviderKind } from '../kinds/cloud-provider/catalog';
import { serverPlanKind } from '../kinds/server-plan/catalog';
import { storagePlanKind } from '../kinds/storage-plan/catalog';
import { realmKind } from '../kinds/realm/catalog';
import { genericImageKind } from '../kinds/generic-image/catalog';
import { locationKind } from '../kinds/location/catalog';
import { saasProviderKind } from '../kinds/saas-provider/catalog';
import { cloudAccountKind } from '../kinds/cloud-account/catalog';
import { vpnPlanKind } from '../kinds/vpn-plan/catalog';
import { eventKind } from '../kinds/event/catalog';

const kinds: KindSpec[] = [
  templateKind,
  templateScriptKind,
  scriptKind,
  attachmentKind,
  cookbookVersionKind,
  firewallProfileKind,
  vpcKind,
  subnetKind,
  vpnKind,
  floatingIpKind,
  volumeKind,
  sshProfileKind,
  serverKind,
  serverArrayKind,
  saasAccountKind,
  labelKind,
  cloudProviderKind,
  serverPlanKind,
  storagePlanKind,
  realmKind,
  genericImageKind,
  locationKind,
  saasProviderKind,
  cloudAccountKind,
  vpnPlanKind,
  eventKind,
];

/** Every kind, in catalog order (writable kinds first, in dependency order, then read-only ones). */
export const KINDS: readonly KindSpec[] = kinds;

const listeners: ((spec: KindSpec) => void)[] = [];

/**
 * Adds a kind defined outside the static list (a test fixture's throw-away kind). Every engine that
 * caches something per kind subscribes with onKindRegistered. Throws on a duplicate name.
 */
export function registerKind(spec: KindSpec): void {
  if (kinds.some((k) => k.kind === spec.kind)) throw new Error(`IMCO kind '${spec.kind}' is already in the catalog`);
  kinds.push(spec);
  for (const listener of listeners) listener(spec);
}

/** Calls `listener` for each kind registered later with registerKind. */
export function onKindRegistered(listener: (spec: KindSpec) => void): void {
  listeners.push(listener);
}
