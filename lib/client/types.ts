// Object types: the JSON shapes IMCO API v2 answers with (API reference §4-§9) and the bodies the
// typed facades send. Field names are IMCO's (snake_case). Secret inputs (SSH private key, VPN psk,
// SaaS account data) appear only in input types: IMCO never returns them.

/** Any IMCO object, as the generic helpers return it. */
export interface ImcoObject {
  readonly id: string;
  readonly resource_type?: string;
  readonly state?: string;
  readonly [field: string]: unknown;
}

/** Objects that carry labels. */
export interface Labelled {
  readonly label_ids?: string[];
}

/** Name-only update, shared by VPCs, subnets, floating IPs, volumes, servers and server arrays. */
export interface NameUpdate {
  readonly name: string;
}

/** Answer of `GET /ping` (undocumented; any 2xx means reachable). */
export interface PingResult {
  readonly ok: true;
  readonly status: number;
}

// Each kind's wire types live in its folder (lib/kinds/<kind>/wire.ts).
export type { CookbookReference, Template, TemplateCreate, TemplateUpdate } from '../kinds/template/wire';
export type { TemplateScriptType, TemplateScript, TemplateScriptCreate, TemplateScriptUpdate, OperationalScript } from '../kinds/template-script/wire';
export type { CookbookVersion, CookbookVersionCreate } from '../kinds/cookbook-version/wire';
export type { Script, ScriptCreate, ScriptUpdate } from '../kinds/script/wire';
export type { Attachment } from '../kinds/attachment/wire';
export type { FirewallRule, FirewallProfile, FirewallProfileCreate, FirewallProfileUpdate } from '../kinds/firewall-profile/wire';
export type { Vpc, VpcCreate } from '../kinds/vpc/wire';
export type { SubnetType, Subnet, SubnetCreate } from '../kinds/subnet/wire';
export type { Vpn, VpnCreate } from '../kinds/vpn/wire';
export type { VpnPlan } from '../kinds/vpn-plan/wire';
export type { FloatingIp, FloatingIpCreate } from '../kinds/floating-ip/wire';
export type { Volume, VolumeCreate } from '../kinds/volume/wire';
export type { StoragePlan } from '../kinds/storage-plan/wire';
export type { SshProfile, SshProfileCreate, SshProfileUpdate } from '../kinds/ssh-profile/wire';
export type { ServerState, Server, ServerCreate } from '../kinds/server/wire';
export type { ServerArray, ServerArrayCreate } from '../kinds/server-array/wire';
export type { CloudProvider } from '../kinds/cloud-provider/wire';
export type { ServerPlan } from '../kinds/server-plan/wire';
export type { Realm } from '../kinds/realm/wire';
export type { GenericImage } from '../kinds/generic-image/wire';
export type { Location } from '../kinds/location/wire';
export type { SaasProvider } from '../kinds/saas-provider/wire';
export type { CloudAccount } from '../kinds/cloud-account/wire';
export type { SaasAccount, SaasAccountCreate, SaasAccountUpdate } from '../kinds/saas-account/wire';
export type { AuditEvent } from '../kinds/event/wire';
export type { Label, LabelCreate, LabeledResource } from '../kinds/label/wire';
