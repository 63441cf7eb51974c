// The typed facades an ImcoClient carries (`client.templates`, `client.vpcs`, …; one per kind, in
// lib/kinds/<kind>/client.ts), and the host they call, attached once the client is built.
import type { FacadeHost } from './facade';
import * as F from './facades';

/** A FacadeHost whose client is attached after construction (the facades exist before the client's transport). */
export class LateFacadeHost implements FacadeHost {
  #host: FacadeHost | undefined;
  attach(host: FacadeHost): void {
    this.#host = host;
  }
  get #client(): FacadeHost {
    if (!this.#host) throw new Error('the IMCO client is not built yet');
    return this.#host;
  }
  get endpoint(): string {
    return this.#client.endpoint;
  }
  call<R>(...args: Parameters<FacadeHost['call']>): Promise<R> {
    return this.#client.call<R>(...args);
  }
  removeVia(...args: Parameters<FacadeHost['removeVia']>): Promise<boolean> {
    return this.#client.removeVia(...args);
  }
  uploadTo(...args: Parameters<FacadeHost['uploadTo']>): Promise<void> {
    return this.#client.uploadTo(...args);
  }
  downloadFrom(url: string): Promise<Buffer> {
    return this.#client.downloadFrom(url);
  }
}

export class ClientFacades {
  readonly templates: F.TemplatesApi;
  readonly templateScripts: F.TemplateScriptsApi;
  readonly cookbookVersions: F.CookbookVersionsApi;
  readonly scripts: F.ScriptsApi;
  readonly firewallProfiles: F.FirewallProfilesApi;
  readonly vpcs: F.VpcsApi;
  readonly subnets: F.SubnetsApi;
  readonly vpns: F.VpnsApi;
  readonly floatingIps: F.FloatingIpsApi;
  readonly volumes: F.VolumesApi;
  readonly storagePlans: F.StoragePlansApi;
  readonly sshProfiles: F.SshProfilesApi;
  readonly servers: F.ServersApi;
  readonly serverArrays: F.ServerArraysApi;
  readonly cloudProviders: F.CloudProvidersApi;
  readonly serverPlans: F.ServerPlansApi;
  readonly realms: F.RealmsApi;
  readonly genericImages: F.GenericImagesApi;
  readonly saasProviders: F.SaasProvidersApi;
  readonly locations: F.LocationsApi;
  readonly wizard: F.WizardApi;
  readonly cloudAccounts: F.CloudAccountsApi;
  readonly saasAccounts: F.SaasAccountsApi;
  readonly events: F.EventsApi;
  readonly labels: F.LabelsApi;

  constructor(host: FacadeHost) {
    this.templates = new F.TemplatesApi(host);
    this.templateScripts = new F.TemplateScriptsApi(host);
    this.cookbookVersions = new F.CookbookVersionsApi(host);
    this.scripts = new F.ScriptsApi(host);
    this.firewallProfiles = new F.FirewallProfilesApi(host);
    this.vpcs = new F.VpcsApi(host);
    this.subnets = new F.SubnetsApi(host);
    this.vpns = new F.VpnsApi(host);
    this.floatingIps = new F.FloatingIpsApi(host);
    this.volumes = new F.VolumesApi(host);
    this.storagePlans = new F.StoragePlansApi(host);
    this.sshProfiles = new F.SshProfilesApi(host);
    this.servers = new F.ServersApi(host);
    this.serverArrays = new F.ServerArraysApi(host);
    this.cloudProviders = new F.CloudProvidersApi(host);
    this.serverPlans = new F.ServerPlansApi(host);
    this.realms = new F.RealmsApi(host);
    this.genericImages = new F.GenericImagesApi(host);
    this.saasProviders = new F.SaasProvidersApi(host);
    this.locations = new F.LocationsApi(host);
    this.wizard = new F.WizardApi(host);
    this.cloudAccounts = new F.CloudAccountsApi(host);
    this.saasAccounts = new F.SaasAccountsApi(host);
    this.events = new F.EventsApi(host);
    this.labels = new F.LabelsApi(host);
  }
}
