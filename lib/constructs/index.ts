// The constructs layer: CDKTF constructs for every IMCO kind, the stack settings, secrets by
// reference, and the shared encoding (design §2). The only part of imco-cdktf that imports cdktf.
export { ImcoSettings, defaultBridgeCommand, type ImcoFlavour, type ImcoSettingsProps, type ImcoCredentialPaths, type ResolvedImcoSettings } from './settings';
export { Secret, type SecretOptions, type SecretFormat } from './secret';
export { ImcoObject, MAX_SPEC_BYTES, TF_ID_ENV, TRIGGERS_ENV, type ImcoObjectProps } from './imco-object';
export { type HandlerFlavour, type HandlerResource } from './handler-resource';
export { discoverEndpoint, normaliseEndpoint } from './endpoint';
export { type IdLike } from './validation';
export { Template, normaliseConstraint, type TemplateProps, type TemplateScript, type TemplateScriptType } from '../kinds/template/construct';
export { Script, type ScriptProps } from '../kinds/script/construct';
export { CookbookVersion, type CookbookVersionProps } from '../kinds/cookbook-version/construct';
export { FirewallProfile, type FirewallProfileProps, type FirewallRule, type FirewallProtocol, type WireFirewallRule } from '../kinds/firewall-profile/construct';
export { Vpc, type VpcProps } from '../kinds/vpc/construct';
export { Subnet, type SubnetProps, type SubnetType } from '../kinds/subnet/construct';
export { Vpn, type VpnProps } from '../kinds/vpn/construct';
export { FloatingIp, type FloatingIpProps } from '../kinds/floating-ip/construct';
export { Volume, type VolumeProps, type StoragePlanLike } from '../kinds/volume/construct';
export { SshProfile, type SshProfileProps } from '../kinds/ssh-profile/construct';
export { Server, type ServerProps, type ScriptExecution } from '../kinds/server/construct';
export { ServerArray, type ServerArrayProps } from '../kinds/server-array/construct';
export { type PowerState } from './cloud/power';
export { SaasAccount, type SaasAccountProps } from '../kinds/saas-account/construct';
export { RemovedImcoObject, type RemovedImcoObjectProps } from './removed';
export {
  AuditEvents, CloudAccount, CloudProvider, GenericImage, Location, Realm, SaasProvider, ServerPlan, StoragePlan, VpnPlan,
  type LookupResult, type PlanQuery, type VpnPlanName,
} from './lookups';
export { PRUNE_RESOURCE_NAME } from './prune';
export { ImcoResource } from './provider/imco-resource';
export { PROVIDER_SOURCE, PLUGINS_DIR } from './provider/imco-provider';
export { SWEEP_RESOURCE_NAME } from './sweep';
