// The client's typed facades, one per kind (lib/kinds/<kind>/client.ts), gathered for the client and
// its public surface. They add types and argument order only.
export { type FacadeHost } from './facade';
export { TemplatesApi } from '../kinds/template/client';
export { TemplateScriptsApi } from '../kinds/template-script/client';
export { CookbookVersionsApi, type CookbookUploadOptions } from '../kinds/cookbook-version/client';
export { ScriptAttachmentsApi } from '../kinds/attachment/client';
export { ScriptsApi } from '../kinds/script/client';
export { FirewallProfilesApi } from '../kinds/firewall-profile/client';
export { VpcsApi } from '../kinds/vpc/client';
export { SubnetsApi } from '../kinds/subnet/client';
export { VpnsApi } from '../kinds/vpn/client';
export { ServersApi, type AttachedFilter } from '../kinds/server/client';
export { FloatingIpsApi } from '../kinds/floating-ip/client';
export { VolumesApi } from '../kinds/volume/client';
export { StoragePlansApi } from '../kinds/storage-plan/client';
export { SshProfilesApi } from '../kinds/ssh-profile/client';
export { ServerArraysApi } from '../kinds/server-array/client';
export { CloudProvidersApi } from '../kinds/cloud-provider/client';
export { ServerPlansApi } from '../kinds/server-plan/client';
export { RealmsApi } from '../kinds/realm/client';
export { GenericImagesApi } from '../kinds/generic-image/client';
export { SaasProvidersApi } from '../kinds/saas-provider/client';
export { LocationsApi } from '../kinds/location/client';
export { WizardApi, type WizardQuery } from '../kinds/platform/client';
export { CloudAccountsApi } from '../kinds/cloud-account/client';
export { SaasAccountsApi } from '../kinds/saas-account/client';
export { EventsApi } from '../kinds/event/client';
export { LabelsApi } from '../kinds/label/client';
