// The constructs layer: CDKTF constructs for every IMCO kind, the stack settings, secrets by
// reference, and the shared encoding (docs/architecture.md §2). The only part of imco-cdktf that imports cdktf.
export { ImcoSettings, defaultBridgeCommand, type ImcoFlavour, type ImcoSettingsProps, type ImcoCredentialPaths, type ResolvedImcoSettings } from './settings';
export { Secret, type SecretOptions, type SecretFormat } from './secret';
export { ImcoObject, MAX_SPEC_BYTES, TF_ID_ENV, TRIGGERS_ENV, type ImcoObjectProps } from './imco-object';
export { type HandlerFlavour, type HandlerResource } from './handler-resource';
export { discoverEndpoint, normaliseEndpoint } from './endpoint';
export { type IdLike } from './validation';
export { Template, normaliseConstraint, type TemplateProps, type TemplateScript, type TemplateScriptType } from './blueprint/template';
export { Script, type ScriptProps } from './blueprint/script';
export { CookbookVersion, type CookbookVersionProps } from './blueprint/cookbook-version';
export { FirewallProfile, type FirewallProfileProps, type FirewallRule, type FirewallProtocol, type WireFirewallRule } from './network/firewall-profile';
export { Vpc, type VpcProps } from './network/vpc';
export { Subnet, type SubnetProps, type SubnetType } from './network/subnet';
export { Vpn, type VpnProps } from './network/vpn';
export { FloatingIp, type FloatingIpProps } from './network/floating-ip';
export { Volume, type VolumeProps, type StoragePlanLike } from './storage/volume';
export { SshProfile, type SshProfileProps } from './cloud/ssh-profile';
export { Server, type ServerProps, type ScriptExecution } from './cloud/server';
export { ServerArray, type ServerArrayProps } from './cloud/server-array';
export { type PowerState } from './cloud/power';
export { SaasAccount, type SaasAccountProps } from './settings/saas-account';
export { RemovedImcoObject, type RemovedImcoObjectProps } from './removed';
export {
  AuditEvents, CloudAccount, CloudProvider, GenericImage, Location, Realm, SaasProvider, ServerPlan, StoragePlan, VpnPlan,
  type LookupResult, type PlanQuery, type VpnPlanName,
} from './lookups';
export { PRUNE_RESOURCE_NAME } from './prune';
export { ImcoResource, type ImcoResourceOptions } from './provider/imco-resource';
export { PROVIDER_SOURCE, PLUGINS_DIR } from './provider/imco-provider';
export { SWEEP_RESOURCE_NAME } from './sweep';
