// Typed facades: one thin class per API area, one method per endpoint of the catalog's ENDPOINTS
// table (op ids in the calls), plus the two upload flows (cookbook versions, script attachments).
// They add types and argument order only; transport, retries and errors live in the client.
import { ImcoOutcomeUnknownError } from './errors';
import type { QueryValue } from './transport';
import type * as T from './types';
import { resolveTransferUrl, uploadStreamFactory, type UploadSource } from './upload';

type Params = Readonly<Record<string, string>>;
type Query = Readonly<Record<string, QueryValue>>;

/** What the facades need from the client. */
export interface FacadeHost {
  readonly endpoint: string;
  call<R>(op: string, params?: Params, body?: unknown, query?: Query): Promise<R>;
  /** Deletes via an op; `false` when it was already gone (404). */
  removeVia(op: string, params: Params): Promise<boolean>;
  uploadTo(url: string, source: UploadSource): Promise<void>;
  downloadFrom(url: string): Promise<Buffer>;
}

abstract class Facade {
  constructor(protected readonly host: FacadeHost) {}
}

// ------------------------------------------------------------------ Blueprint

export class TemplatesApi extends Facade {
  list(): Promise<T.Template[]> {
    return this.host.call('template.list');
  }
  show(id: string): Promise<T.Template> {
    return this.host.call('template.show', { id });
  }
  create(body: T.TemplateCreate): Promise<T.Template> {
    return this.host.call('template.create', {}, body);
  }
  update(id: string, body: T.TemplateUpdate): Promise<T.Template> {
    return this.host.call('template.update', { id }, body);
  }
  /** Starts a compilation: the template goes `compiling`, then `ready` or `compiling_error`. */
  compile(id: string): Promise<T.Template> {
    return this.host.call('template.compile', { id }, {});
  }
  remove(id: string): Promise<boolean> {
    return this.host.removeVia('template.delete', { id });
  }
  /** Servers built from the template. */
  servers(id: string): Promise<T.Server[]> {
    return this.host.call('template.servers', { id });
  }
}

export class TemplateScriptsApi extends Facade {
  /** Template scripts of one type (the CLI always passes `type`). */
  list(templateId: string, type?: T.TemplateScriptType): Promise<T.TemplateScript[]> {
    return this.host.call('template_script.list', { template_id: templateId }, undefined, { type });
  }
  show(templateId: string, id: string): Promise<T.TemplateScript> {
    return this.host.call('template_script.show', { template_id: templateId, id });
  }
  /** Appends a script to the template's list of that type. */
  create(templateId: string, body: T.TemplateScriptCreate): Promise<T.TemplateScript> {
    return this.host.call('template_script.create', { template_id: templateId }, body);
  }
  update(templateId: string, id: string, body: T.TemplateScriptUpdate): Promise<T.TemplateScript> {
    return this.host.call('template_script.update', { template_id: templateId, id }, body);
  }
  remove(templateId: string, id: string): Promise<boolean> {
    return this.host.removeVia('template_script.delete', { template_id: templateId, id });
  }
  /** Sets the execution order: `ids` must list every template script of that type, in the new order. */
  reorder(templateId: string, type: T.TemplateScriptType, ids: readonly string[]): Promise<T.TemplateScript[]> {
    return this.host.call('template_script.reorder', { template_id: templateId }, { type, script_ids: ids });
  }
}

export interface CookbookUploadOptions {
  /** Labels for the new cookbook version (e.g. the ownership label). */
  readonly labelIds?: readonly string[];
}

export class CookbookVersionsApi extends Facade {
  list(): Promise<T.CookbookVersion[]> {
    return this.host.call('cookbook_version.list');
  }
  show(id: string): Promise<T.CookbookVersion> {
    return this.host.call('cookbook_version.show', { id });
  }
  /** Creates an empty version; its `upload_url` takes the archive. Prefer `upload`. */
  create(body: T.CookbookVersionCreate = {}): Promise<T.CookbookVersion> {
    return this.host.call('cookbook_version.create', {}, body);
  }
  /** Asks IMCO to process the uploaded archive (`processing` → `ready`). */
  process(id: string): Promise<T.CookbookVersion> {
    return this.host.call('cookbook_version.process', { id }, {});
  }
  remove(id: string): Promise<boolean> {
    return this.host.removeVia('cookbook_version.delete', { id });
  }
  /**
   * The `cio cookbook-versions upload` flow: create, PUT the archive to `upload_url` (chunked, no
   * Content-Type), process. On a failed upload or process the new version is deleted again.
   * Returns the version as `process` answered it (wait for `ready` with `waitFor`).
   */
  async upload(archive: UploadSource, options: CookbookUploadOptions = {}): Promise<T.CookbookVersion> {
    uploadStreamFactory(archive); // fail on an unreadable file before creating anything
    const created = await this.create(options.labelIds ? { label_ids: options.labelIds } : {});
    try {
      const url = resolveTransferUrl(created.upload_url, this.host.endpoint, 'upload', `cookbook version ${created.id}`);
      await this.host.uploadTo(url.toString(), archive);
      try {
        return await this.process(created.id);
      } catch (err) {
        if (!(err instanceof ImcoOutcomeUnknownError)) throw err;
        // The process request may have been acted on: look before asking again.
        const current = await this.show(created.id);
        return current.state === 'created' ? await this.process(created.id) : current;
      }
    } catch (err) {
      await this.remove(created.id).catch(() => false);
      throw err;
    }
  }
}

export class ScriptAttachmentsApi extends Facade {
  list(scriptId: string): Promise<T.Attachment[]> {
    return this.host.call('attachment.list', { script_id: scriptId });
  }
  /** Creates an attachment record; its `upload_url` takes the file. Prefer `upload`. */
  create(scriptId: string, name: string): Promise<T.Attachment> {
    return this.host.call('attachment.create', { script_id: scriptId }, { name });
  }
  show(id: string): Promise<T.Attachment> {
    return this.host.call('attachment.show', { id });
  }
  /** Marks the file as uploaded. */
  markUploaded(id: string, name?: string): Promise<T.Attachment> {
    return this.host.call('attachment.uploaded', { id }, name ? { name } : {});
  }
  remove(id: string): Promise<boolean> {
    return this.host.removeVia('attachment.delete', { id });
  }
  /** The attachment's file, read from its `download_url`. */
  async download(id: string): Promise<Buffer> {
    const attachment = await this.show(id);
    const url = resolveTransferUrl(attachment.download_url, this.host.endpoint, 'download', `attachment ${id}`);
    return this.host.downloadFrom(url.toString());
  }
  /**
   * The `cio scripts attachments add` flow: create, PUT the file to `upload_url` (chunked, no
   * Content-Type), mark uploaded. On failure the attachment is deleted again.
   */
  async upload(scriptId: string, name: string, file: UploadSource): Promise<T.Attachment> {
    uploadStreamFactory(file);
    const created = await this.create(scriptId, name);
    try {
      const url = resolveTransferUrl(created.upload_url, this.host.endpoint, 'upload', `attachment ${created.id}`);
      await this.host.uploadTo(url.toString(), file);
      return await this.markUploaded(created.id, name);
    } catch (err) {
      await this.remove(created.id).catch(() => false);
      throw err;
    }
  }
}

export class ScriptsApi extends Facade {
  /** Files attached to scripts. */
  readonly attachments: ScriptAttachmentsApi;
  constructor(host: FacadeHost) {
    super(host);
    this.attachments = new ScriptAttachmentsApi(host);
  }
  list(): Promise<T.Script[]> {
    return this.host.call('script.list');
  }
  show(id: string): Promise<T.Script> {
    return this.host.call('script.show', { id });
  }
  create(body: T.ScriptCreate): Promise<T.Script> {
    return this.host.call('script.create', {}, body);
  }
  update(id: string, body: T.ScriptUpdate): Promise<T.Script> {
    return this.host.call('script.update', { id }, body);
  }
  remove(id: string): Promise<boolean> {
    return this.host.removeVia('script.delete', { id });
  }
}

// ------------------------------------------------------------------ Network

export class FirewallProfilesApi extends Facade {
  list(): Promise<T.FirewallProfile[]> {
    return this.host.call('firewall_profile.list');
  }
  show(id: string): Promise<T.FirewallProfile> {
    return this.host.call('firewall_profile.show', { id });
  }
  create(body: T.FirewallProfileCreate): Promise<T.FirewallProfile> {
    return this.host.call('firewall_profile.create', {}, body);
  }
  /** `rules`, when given, replaces the whole rule set. */
  update(id: string, body: T.FirewallProfileUpdate): Promise<T.FirewallProfile> {
    return this.host.call('firewall_profile.update', { id }, body);
  }
  remove(id: string): Promise<boolean> {
    return this.host.removeVia('firewall_profile.delete', { id });
  }
}

export class VpcsApi extends Facade {
  list(): Promise<T.Vpc[]> {
    return this.host.call('vpc.list');
  }
  show(id: string): Promise<T.Vpc> {
    return this.host.call('vpc.show', { id });
  }
  create(body: T.VpcCreate): Promise<T.Vpc> {
    return this.host.call('vpc.create', {}, body);
  }
  update(id: string, body: T.NameUpdate): Promise<T.Vpc> {
    return this.host.call('vpc.update', { id }, body);
  }
  remove(id: string): Promise<boolean> {
    return this.host.removeVia('vpc.delete', { id });
  }
  /** Removes the VPC from IMCO without deleting it at the provider. */
  discard(id: string): Promise<boolean> {
    return this.host.removeVia('vpc.discard', { id });
  }
  /** VPN plans available to the VPC. */
  vpnPlans(vpcId: string): Promise<T.VpnPlan[]> {
    return this.host.call('vpn_plan.list', { vpc_id: vpcId });
  }
}

export class SubnetsApi extends Facade {
  list(vpcId: string): Promise<T.Subnet[]> {
    return this.host.call('subnet.list', { vpc_id: vpcId });
  }
  show(id: string): Promise<T.Subnet> {
    return this.host.call('subnet.show', { id });
  }
  create(vpcId: string, body: T.SubnetCreate): Promise<T.Subnet> {
    return this.host.call('subnet.create', { vpc_id: vpcId }, body);
  }
  update(id: string, body: T.NameUpdate): Promise<T.Subnet> {
    return this.host.call('subnet.update', { id }, body);
  }
  remove(id: string): Promise<boolean> {
    return this.host.removeVia('subnet.delete', { id });
  }
  servers(id: string): Promise<T.Server[]> {
    return this.host.call('subnet.servers', { id });
  }
  serverArrays(id: string): Promise<T.ServerArray[]> {
    return this.host.call('subnet.server_arrays', { id });
  }
}

/** The one VPN of a VPC, addressed by the VPC's id. */
export class VpnsApi extends Facade {
  show(vpcId: string): Promise<T.Vpn> {
    return this.host.call('vpn.show', { vpc_id: vpcId });
  }
  create(vpcId: string, body: T.VpnCreate): Promise<T.Vpn> {
    return this.host.call('vpn.create', { vpc_id: vpcId }, body);
  }
  remove(vpcId: string): Promise<boolean> {
    return this.host.removeVia('vpn.delete', { vpc_id: vpcId });
  }
  plans(vpcId: string): Promise<T.VpnPlan[]> {
    return this.host.call('vpn_plan.list', { vpc_id: vpcId });
  }
}

export interface AttachedFilter {
  /** Only objects attached to this server. */
  readonly serverId?: string;
}

export class FloatingIpsApi extends Facade {
  list(filter: AttachedFilter = {}): Promise<T.FloatingIp[]> {
    return this.host.call('floating_ip.list', {}, undefined, { server_id: filter.serverId });
  }
  show(id: string): Promise<T.FloatingIp> {
    return this.host.call('floating_ip.show', { id });
  }
  create(body: T.FloatingIpCreate): Promise<T.FloatingIp> {
    return this.host.call('floating_ip.create', {}, body);
  }
  update(id: string, body: T.NameUpdate): Promise<T.FloatingIp> {
    return this.host.call('floating_ip.update', { id }, body);
  }
  /** Attaches to a server; IMCO answers with the server. */
  attach(id: string, serverId: string): Promise<T.Server> {
    return this.host.call('floating_ip.attach', { id }, { attached_server_id: serverId });
  }
  detach(id: string): Promise<boolean> {
    return this.host.removeVia('floating_ip.detach', { id });
  }
  remove(id: string): Promise<boolean> {
    return this.host.removeVia('floating_ip.delete', { id });
  }
  discard(id: string): Promise<boolean> {
    return this.host.removeVia('floating_ip.discard', { id });
  }
}

// ------------------------------------------------------------------ Storage

export class VolumesApi extends Facade {
  list(filter: AttachedFilter = {}): Promise<T.Volume[]> {
    return this.host.call('volume.list', {}, undefined, { server_id: filter.serverId });
  }
  show(id: string): Promise<T.Volume> {
    return this.host.call('volume.show', { id });
  }
  create(body: T.VolumeCreate): Promise<T.Volume> {
    return this.host.call('volume.create', {}, body);
  }
  update(id: string, body: T.NameUpdate): Promise<T.Volume> {
    return this.host.call('volume.update', { id }, body);
  }
  /** Attaches to a server (`attaching` → `attached`); IMCO answers with the server. */
  attach(id: string, serverId: string): Promise<T.Server> {
    return this.host.call('volume.attach', { id }, { attached_server_id: serverId });
  }
  detach(id: string): Promise<boolean> {
    return this.host.removeVia('volume.detach', { id });
  }
  remove(id: string): Promise<boolean> {
    return this.host.removeVia('volume.delete', { id });
  }
  discard(id: string): Promise<boolean> {
    return this.host.removeVia('volume.discard', { id });
  }
}

export class StoragePlansApi extends Facade {
  list(cloudProviderId: string): Promise<T.StoragePlan[]> {
    return this.host.call('storage_plan.list', { cloud_provider_id: cloudProviderId });
  }
  show(id: string): Promise<T.StoragePlan> {
    return this.host.call('storage_plan.show', { id });
  }
}

// ------------------------------------------------------------------ Cloud

export class SshProfilesApi extends Facade {
  list(): Promise<T.SshProfile[]> {
    return this.host.call('ssh_profile.list');
  }
  show(id: string): Promise<T.SshProfile> {
    return this.host.call('ssh_profile.show', { id });
  }
  create(body: T.SshProfileCreate): Promise<T.SshProfile> {
    return this.host.call('ssh_profile.create', {}, body);
  }
  update(id: string, body: T.SshProfileUpdate): Promise<T.SshProfile> {
    return this.host.call('ssh_profile.update', { id }, body);
  }
  remove(id: string): Promise<boolean> {
    return this.host.removeVia('ssh_profile.delete', { id });
  }
}

export class ServersApi extends Facade {
  /** Oldest first. */
  list(): Promise<T.Server[]> {
    return this.host.call('server.list');
  }
  show(id: string): Promise<T.Server> {
    return this.host.call('server.show', { id });
  }
  /** Commissions a server (`commissioning` → `inactive`). */
  create(body: T.ServerCreate): Promise<T.Server> {
    return this.host.call('server.create', {}, body);
  }
  update(id: string, body: T.NameUpdate): Promise<T.Server> {
    return this.host.call('server.update', { id }, body);
  }
  /** From `inactive`: `booting` → `bootstrapping` → `operational`. */
  boot(id: string): Promise<T.Server> {
    return this.host.call('server.boot', { id }, {});
  }
  /** From `operational`. */
  reboot(id: string): Promise<T.Server> {
    return this.host.call('server.reboot', { id }, {});
  }
  /** From `bootstrapping`, `operational` or `stalled`: `shutting_down` → `inactive`. */
  shutdown(id: string): Promise<T.Server> {
    return this.host.call('server.shutdown', { id }, {});
  }
  /** Takes a `stalled` server to `operational`, at the user's own risk. */
  override(id: string): Promise<T.Server> {
    return this.host.call('server.override', { id }, {});
  }
  /** Decommissions (from `inactive`, `stalled` or `commission_stalled`). */
  remove(id: string): Promise<boolean> {
    return this.host.removeVia('server.delete', { id });
  }
  events(id: string): Promise<T.AuditEvent[]> {
    return this.host.call('server.events', { id });
  }
  operationalScripts(id: string): Promise<T.OperationalScript[]> {
    return this.host.call('server.operational_scripts', { id });
  }
  /** Runs an operational script; `templateScriptId` is the template script's id, not the script's. */
  executeScript(id: string, templateScriptId: string): Promise<T.AuditEvent> {
    return this.host.call('server.execute_script', { id, script_id: templateScriptId }, {});
  }
  floatingIps(id: string): Promise<T.FloatingIp[]> {
    return this.host.call('server.floating_ips', { id });
  }
  volumes(id: string): Promise<T.Volume[]> {
    return this.host.call('server.volumes', { id });
  }
}

export class ServerArraysApi extends Facade {
  list(): Promise<T.ServerArray[]> {
    return this.host.call('server_array.list');
  }
  show(id: string): Promise<T.ServerArray> {
    return this.host.call('server_array.show', { id });
  }
  create(body: T.ServerArrayCreate): Promise<T.ServerArray> {
    return this.host.call('server_array.create', {}, body);
  }
  update(id: string, body: T.NameUpdate): Promise<T.ServerArray> {
    return this.host.call('server_array.update', { id }, body);
  }
  boot(id: string): Promise<T.ServerArray> {
    return this.host.call('server_array.boot', { id }, {});
  }
  shutdown(id: string): Promise<T.ServerArray> {
    return this.host.call('server_array.shutdown', { id }, {});
  }
  /** Decommissions every member server. */
  empty(id: string): Promise<T.ServerArray> {
    return this.host.call('server_array.empty', { id }, {});
  }
  /** Adds `count` servers. Not idempotent: an unknown outcome is reported, never repeated. */
  enlarge(id: string, count: number): Promise<T.ServerArray> {
    return this.host.call('server_array.enlarge', { id }, { size: count });
  }
  servers(id: string): Promise<T.Server[]> {
    return this.host.call('server_array.servers', { id });
  }
  /** Only an empty array can be deleted. */
  remove(id: string): Promise<boolean> {
    return this.host.removeVia('server_array.delete', { id });
  }
}

export class CloudProvidersApi extends Facade {
  list(): Promise<T.CloudProvider[]> {
    return this.host.call('cloud_provider.list');
  }
}

export class ServerPlansApi extends Facade {
  list(cloudProviderId: string): Promise<T.ServerPlan[]> {
    return this.host.call('server_plan.list', { cloud_provider_id: cloudProviderId });
  }
  show(id: string): Promise<T.ServerPlan> {
    return this.host.call('server_plan.show', { id });
  }
}

export class RealmsApi extends Facade {
  list(cloudProviderId: string): Promise<T.Realm[]> {
    return this.host.call('realm.list', { cloud_provider_id: cloudProviderId });
  }
  show(id: string): Promise<T.Realm> {
    return this.host.call('realm.show', { id });
  }
}

export class GenericImagesApi extends Facade {
  list(): Promise<T.GenericImage[]> {
    return this.host.call('generic_image.list');
  }
}

export class SaasProvidersApi extends Facade {
  list(): Promise<T.SaasProvider[]> {
    return this.host.call('saas_provider.list');
  }
}

export class LocationsApi extends Facade {
  list(): Promise<T.Location[]> {
    return this.host.call('location.list');
  }
}

/** Wizard lookups; `app_id` / `location_id` are accepted as the CLI sends them. */
export interface WizardQuery {
  readonly app_id?: string;
  readonly location_id?: string;
  readonly cloud_provider_id?: string;
}

export class WizardApi extends Facade {
  cloudProviders(query: WizardQuery = {}): Promise<T.CloudProvider[]> {
    return this.host.call('wizard.cloud_providers', {}, undefined, { ...query });
  }
  cloudAccounts(query: WizardQuery = {}): Promise<T.CloudAccount[]> {
    return this.host.call('wizard.cloud_accounts', {}, undefined, { ...query });
  }
}

// ------------------------------------------------------------------ Settings, audit, labels

export class CloudAccountsApi extends Facade {
  list(): Promise<T.CloudAccount[]> {
    return this.host.call('cloud_account.list');
  }
  show(id: string): Promise<T.CloudAccount> {
    return this.host.call('cloud_account.show', { id });
  }
}

/** SaaS accounts: `account_data` is write-only (never returned, never logged). No show in v2. */
export class SaasAccountsApi extends Facade {
  list(): Promise<T.SaasAccount[]> {
    return this.host.call('saas_account.list');
  }
  create(body: T.SaasAccountCreate): Promise<T.SaasAccount> {
    return this.host.call('saas_account.create', {}, body);
  }
  update(id: string, body: T.SaasAccountUpdate): Promise<T.SaasAccount> {
    return this.host.call('saas_account.update', { id }, body);
  }
  remove(id: string): Promise<boolean> {
    return this.host.removeVia('saas_account.delete', { id });
  }
}

export class EventsApi extends Facade {
  /** The customer's audit events, newest first. */
  list(): Promise<T.AuditEvent[]> {
    return this.host.call('event.list');
  }
  show(id: string): Promise<T.AuditEvent> {
    return this.host.call('event.show', { id });
  }
  /** System-wide events, newest first. */
  system(): Promise<T.AuditEvent[]> {
    return this.host.call('event.system');
  }
}

export class LabelsApi extends Facade {
  list(): Promise<T.Label[]> {
    return this.host.call('label.list');
  }
  show(id: string): Promise<T.Label> {
    return this.host.call('label.show', { id });
  }
  create(body: T.LabelCreate): Promise<T.Label> {
    return this.host.call('label.create', {}, body);
  }
  /** Assigns the label to resources; IMCO answers with the labelled resources. */
  assign(labelId: string, resources: readonly T.LabeledResource[]): Promise<T.LabeledResource[]> {
    return this.host.call('label.assign', { label_id: labelId }, { resources });
  }
  unassign(labelId: string, resourceType: string, resourceId: string): Promise<boolean> {
    return this.host.removeVia('label.unassign', { label_id: labelId, resource_type: resourceType, resource_id: resourceId });
  }
}
