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
interface Labelled {
  readonly label_ids?: string[];
}

// ------------------------------------------------------------------ Blueprint

/** Cookbook reference: Supermarket `{version: "~> 1.2"}` or uploaded `{version_id: "<id>"}`. */
export type CookbookReference = { readonly version: string } | { readonly version_id: string };

export interface Template extends Labelled {
  readonly id: string;
  readonly name: string;
  readonly generic_image_id: string;
  /** Absent from list answers (the list is slim). */
  readonly run_list?: string[];
  readonly configuration_attributes?: Record<string, unknown> | null;
  readonly cookbook_versions?: Record<string, CookbookReference>;
  readonly state?: 'created' | 'compiling' | 'ready' | 'compiling_error' | string;
  readonly error_message?: string | null;
  readonly variables?: string[];
  readonly resource_type?: string;
}

export interface TemplateCreate {
  readonly name: string;
  readonly generic_image_id: string;
  readonly configuration_attributes?: Record<string, unknown>;
  readonly run_list?: readonly string[];
  readonly cookbook_versions?: Readonly<Record<string, CookbookReference>>;
  readonly label_ids?: readonly string[];
}

export interface TemplateUpdate {
  readonly name?: string;
  readonly configuration_attributes?: Record<string, unknown>;
  readonly run_list?: readonly string[];
  readonly cookbook_versions?: Readonly<Record<string, CookbookReference>>;
}

export type TemplateScriptType = 'operational' | 'boot' | 'shutdown';

export interface TemplateScript {
  readonly id: string;
  readonly type: TemplateScriptType;
  readonly execution_order: number;
  readonly template_id: string;
  readonly script_id: string;
  readonly parameter_values?: Record<string, string>;
  readonly resource_type?: string;
}

export interface TemplateScriptCreate {
  readonly type: TemplateScriptType;
  readonly script_id: string;
  readonly parameter_values?: Readonly<Record<string, string>>;
}

export interface TemplateScriptUpdate {
  readonly parameter_values: Readonly<Record<string, string>>;
}

/** A server's copy of a template script (`GET /cloud/servers/{id}/operational_scripts`). */
export type OperationalScript = TemplateScript;

export interface CookbookVersion extends Labelled {
  readonly id: string;
  readonly name?: string;
  readonly version?: string;
  readonly description?: string;
  readonly publicly_available?: boolean;
  readonly state?: 'created' | 'processing' | 'duplicated' | 'ready' | 'processing_error' | string;
  readonly error_message?: string | null;
  readonly revision_id?: string;
  readonly recipes?: string[];
  readonly global_legacy?: boolean;
  /** Where to PUT the archive, right after create. */
  readonly upload_url?: string;
  readonly resource_type?: string;
}

export interface CookbookVersionCreate {
  readonly label_ids?: readonly string[];
}

export interface Script extends Labelled {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly code?: string;
  readonly parameters?: string[];
  readonly resource_type?: string;
}

export interface ScriptCreate {
  readonly name: string;
  readonly description?: string;
  readonly code?: string;
  readonly parameters?: readonly string[];
  readonly label_ids?: readonly string[];
}

export interface ScriptUpdate {
  readonly name?: string;
  readonly description?: string;
  readonly code?: string;
  readonly parameters?: readonly string[];
}

export interface Attachment {
  readonly id: string;
  readonly name: string;
  readonly uploaded?: boolean;
  readonly upload_url?: string;
  readonly download_url?: string;
  readonly script_id?: string;
  readonly resource_type?: string;
}

// ------------------------------------------------------------------ Network

export interface FirewallRule {
  readonly ip_protocol: 'tcp' | 'udp' | string;
  readonly min_port: number;
  readonly max_port: number;
  /** CIDR or `any`. */
  readonly source: string;
}

export interface FirewallProfile extends Labelled {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly default?: boolean;
  readonly rules?: FirewallRule[];
  readonly resource_type?: string;
}

export interface FirewallProfileCreate {
  readonly name: string;
  readonly description?: string;
  readonly rules?: readonly FirewallRule[];
  readonly label_ids?: readonly string[];
}

export interface FirewallProfileUpdate {
  readonly name?: string;
  readonly description?: string;
  /** Replaces the whole rule set. */
  readonly rules?: readonly FirewallRule[];
}

export interface Vpc extends Labelled {
  readonly id: string;
  readonly name: string;
  readonly cidr: string;
  readonly state?: string;
  readonly cloud_account_id: string;
  readonly realm_provider_name?: string;
  readonly has_vpn?: boolean;
  readonly allowed_subnet_types?: string[];
  readonly brownfield?: boolean;
  readonly resource_type?: string;
}

export interface VpcCreate {
  readonly name: string;
  readonly cidr: string;
  readonly cloud_account_id: string;
  readonly realm_provider_name: string;
  readonly label_ids?: readonly string[];
}

/** Name-only update, shared by VPCs, subnets, floating IPs, volumes, servers and server arrays. */
export interface NameUpdate {
  readonly name: string;
}

export type SubnetType = 'only_public' | 'only_private' | 'public_and_private';

export interface Subnet {
  readonly id: string;
  readonly name: string;
  readonly cidr: string;
  readonly state?: string;
  readonly type: SubnetType | string;
  readonly vpc_id: string;
  readonly server_creation_disabled?: boolean;
  readonly brownfield?: boolean;
  readonly resource_type?: string;
}

export interface SubnetCreate {
  readonly name: string;
  readonly cidr: string;
  readonly type: SubnetType;
}

export interface Vpn {
  readonly id: string;
  readonly state?: string;
  readonly vpc_id: string;
  readonly vpn_plan_id: string;
  readonly public_ip: string;
  readonly exposed_cidrs: string[];
  readonly resource_type?: string;
}

export interface VpnCreate {
  readonly public_ip: string;
  /** Pre-shared key: write-only, never returned, never logged. */
  readonly psk: string;
  readonly exposed_cidrs: readonly string[];
  readonly vpn_plan_id: string;
}

export interface VpnPlan {
  readonly id: string;
  readonly name: string;
  readonly active_active?: string | boolean;
  readonly remote_id?: string;
  readonly resource_type?: string;
}

export interface FloatingIp extends Labelled {
  readonly id: string;
  readonly name: string;
  readonly address?: string;
  readonly state?: string;
  readonly cloud_account_id: string;
  readonly realm_id: string;
  readonly attached_server_id?: string | null;
  readonly brownfield?: boolean;
  readonly resource_type?: string;
}

export interface FloatingIpCreate {
  readonly name: string;
  readonly cloud_account_id: string;
  readonly realm_id: string;
  readonly label_ids?: readonly string[];
}

// ------------------------------------------------------------------ Storage

export interface Volume extends Labelled {
  readonly id: string;
  readonly name: string;
  /** GB. */
  readonly size: number;
  readonly device?: string | null;
  readonly state?: string;
  readonly remote_id?: string | null;
  readonly storage_plan_id: string;
  readonly cloud_account_id: string;
  readonly realm_id?: string;
  readonly attached_server_id?: string | null;
  readonly brownfield?: boolean;
  readonly resource_type?: string;
}

export interface VolumeCreate {
  readonly name: string;
  readonly size: number;
  readonly cloud_account_id: string;
  readonly storage_plan_id: string;
  readonly label_ids?: readonly string[];
}

export interface StoragePlan {
  readonly id: string;
  readonly name: string;
  readonly min_size: number;
  readonly max_size: number;
  readonly cloud_provider_id: string;
  readonly location_id?: string;
  readonly realm_id?: string;
  readonly realm_provider_name?: string;
  readonly flavour_provider_name?: string;
  readonly deprecated?: boolean;
  readonly resource_type?: string;
}

// ------------------------------------------------------------------ Cloud

export interface SshProfile extends Labelled {
  readonly id: string;
  readonly name: string;
  readonly public_key?: string;
  readonly resource_type?: string;
}

export interface SshProfileCreate {
  readonly name: string;
  readonly public_key?: string;
  /** Write-only, never returned, never logged. */
  readonly private_key?: string;
  readonly label_ids?: readonly string[];
}

export interface SshProfileUpdate {
  readonly name?: string;
  readonly public_key?: string;
  readonly private_key?: string;
}

export type ServerState =
  | 'commissioning'
  | 'inactive'
  | 'booting'
  | 'bootstrapping'
  | 'operational'
  | 'stalled'
  | 'shutting_down'
  | 'decommissioning'
  | 'commission_stalled';

export interface Server extends Labelled {
  readonly id: string;
  readonly name: string;
  readonly fqdn?: string | null;
  readonly state: ServerState | string;
  readonly public_ip?: string | null;
  readonly private_ip?: string | null;
  readonly template_id: string;
  readonly server_plan_id: string;
  readonly cloud_account_id?: string;
  readonly ssh_profile_id?: string;
  readonly ssh_profile_ids?: string[];
  readonly firewall_profile_id?: string;
  readonly server_array_id?: string | null;
  readonly brownfield_state?: string | null;
  readonly subnet_id?: string | null;
  readonly vpc_id?: string | null;
  readonly privateness?: boolean;
  readonly resource_type?: string;
}

export interface ServerCreate {
  readonly name: string;
  readonly template_id: string;
  readonly server_plan_id: string;
  readonly cloud_account_id: string;
  readonly ssh_profile_id: string;
  readonly firewall_profile_id: string;
  readonly subnet_id?: string;
  readonly privateness?: boolean;
  readonly label_ids?: readonly string[];
}

export interface ServerArray extends Labelled {
  readonly id: string;
  readonly name: string;
  readonly state: ServerState | string;
  readonly size: number;
  readonly server_plan_id: string;
  readonly cloud_account_id: string;
  readonly template_id: string;
  readonly firewall_profile_id?: string;
  readonly ssh_profile_id?: string;
  readonly ssh_profile_ids?: string[];
  readonly subnet_id?: string | null;
  readonly vpc_id?: string | null;
  readonly privateness?: boolean;
  readonly resource_type?: string;
}

export interface ServerArrayCreate {
  readonly name: string;
  readonly template_id: string;
  readonly cloud_account_id: string;
  readonly server_plan_id: string;
  readonly size?: number;
  readonly firewall_profile_id?: string;
  readonly ssh_profile_id?: string;
  readonly subnet_id?: string;
  readonly privateness?: boolean;
  readonly label_ids?: readonly string[];
}

export interface CloudProvider {
  readonly id: string;
  readonly name: string;
  readonly disambiguation?: string;
  readonly required_credentials?: string[];
  readonly resource_type?: string;
}

export interface ServerPlan {
  readonly id: string;
  readonly name: string;
  readonly memory?: number;
  readonly cpus?: number;
  readonly storage?: number;
  readonly location_id?: string;
  readonly cloud_provider_id?: string;
  readonly resource_type?: string;
}

export interface Realm {
  readonly id: string;
  readonly name: string;
  readonly location_id?: string;
  readonly cloud_provider_id?: string;
  readonly provider_name?: string;
  readonly deprecated?: boolean;
  readonly resource_type?: string;
}

export interface GenericImage {
  readonly id: string;
  readonly name: string;
  readonly resource_type?: string;
}

export interface Location {
  readonly id: string;
  readonly name: string;
  readonly resource_type?: string;
}

export interface SaasProvider {
  readonly id: string;
  readonly name: string;
  readonly required_account_data?: string[];
  readonly resource_type?: string;
}

// ------------------------------------------------------------------ Settings, audit, labels

export interface CloudAccount {
  readonly id: string;
  readonly name: string;
  readonly cloud_provider_id: string;
  readonly last_discovered_at?: string | null;
  readonly last_discovery_failed_at?: string | null;
  readonly supports_importing?: boolean;
  readonly supports_importing_vpcs?: boolean;
  readonly supports_importing_floating_ips?: boolean;
  readonly supports_importing_volumes?: boolean;
  readonly resource_type?: string;
}

/** SaaS account: `account_data` is write-only and never returned. */
export interface SaasAccount {
  readonly id: string;
  readonly saas_provider_id: string;
  readonly resource_type?: string;
}

export interface SaasAccountCreate {
  readonly saas_provider_id: string;
  /** Credentials keyed by the provider's required account data; never returned, never logged. */
  readonly account_data: Readonly<Record<string, unknown>>;
}

export interface SaasAccountUpdate {
  readonly account_data?: Readonly<Record<string, unknown>>;
}

export interface AuditEvent {
  readonly id: string;
  readonly timestamp: string;
  readonly level: 'info' | 'warning' | 'error' | string;
  readonly header: string;
  readonly description: string;
  readonly resource_type?: string;
}

export interface Label {
  readonly id: string;
  readonly name: string;
  readonly namespace?: string | null;
  readonly value?: string | null;
  readonly resource_type?: string;
}

export interface LabelCreate {
  readonly name: string;
  readonly namespace?: string;
  readonly value?: string;
}

/** A resource a label is assigned to. */
export interface LabeledResource {
  readonly id: string;
  readonly resource_type: string;
}

/** Answer of `GET /ping` (undocumented; any 2xx means reachable). */
export interface PingResult {
  readonly ok: true;
  readonly status: number;
}
