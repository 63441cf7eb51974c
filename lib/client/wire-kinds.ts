// The wire type map of the client facades: for each catalog kind (by catalog name) and the wizard,
// the object type its answers carry, the create and update bodies, and the answer types of its
// other operations by catalog operation name. Types only: the facades themselves are built from the
// catalog (kind-facade.ts), so a kind missing here still has its facade, typed as ImcoObject.
import type * as T from './types';

/** What the facade of one kind sends and receives. */
export interface KindWire {
  readonly object: object;
  readonly create?: object;
  readonly update?: object;
  /** Answer types of the kind's actions and extra endpoints, by operation name. */
  readonly ops?: object;
}

/** A kind without an entry in the map. */
export interface UntypedWire {
  readonly object: T.ImcoObject;
  readonly create: object;
  readonly update: object;
}

export interface WireKinds {
  template: { object: T.Template; create: T.TemplateCreate; update: T.TemplateUpdate; ops: { compile: T.Template; servers: T.Server[] } };
  template_script: {
    object: T.TemplateScript;
    create: T.TemplateScriptCreate;
    update: T.TemplateScriptUpdate;
    ops: { reorder: T.TemplateScript[] };
  };
  script: { object: T.Script; create: T.ScriptCreate; update: T.ScriptUpdate };
  attachment: { object: T.Attachment; create: { readonly name: string }; ops: { uploaded: T.Attachment } };
  cookbook_version: { object: T.CookbookVersion; create: T.CookbookVersionCreate; ops: { process: T.CookbookVersion } };
  firewall_profile: { object: T.FirewallProfile; create: T.FirewallProfileCreate; update: T.FirewallProfileUpdate };
  vpc: { object: T.Vpc; create: T.VpcCreate; update: T.NameUpdate };
  subnet: { object: T.Subnet; create: T.SubnetCreate; update: T.NameUpdate; ops: { servers: T.Server[]; server_arrays: T.ServerArray[] } };
  vpn: { object: T.Vpn; create: T.VpnCreate };
  floating_ip: { object: T.FloatingIp; create: T.FloatingIpCreate; update: T.NameUpdate; ops: { attach: T.Server; detach: boolean } };
  volume: { object: T.Volume; create: T.VolumeCreate; update: T.NameUpdate; ops: { attach: T.Server; detach: boolean } };
  ssh_profile: { object: T.SshProfile; create: T.SshProfileCreate; update: T.SshProfileUpdate };
  server: {
    object: T.Server;
    create: T.ServerCreate;
    update: T.NameUpdate;
    ops: {
      boot: T.Server;
      reboot: T.Server;
      shutdown: T.Server;
      override: T.Server;
      events: T.AuditEvent[];
      operational_scripts: T.OperationalScript[];
      execute_script: T.AuditEvent;
      floating_ips: T.FloatingIp[];
      volumes: T.Volume[];
    };
  };
  server_array: {
    object: T.ServerArray;
    create: T.ServerArrayCreate;
    update: T.NameUpdate;
    ops: { boot: T.ServerArray; shutdown: T.ServerArray; empty: T.ServerArray; enlarge: T.ServerArray; servers: T.Server[] };
  };
  saas_account: { object: T.SaasAccount; create: T.SaasAccountCreate; update: T.SaasAccountUpdate };
  label: { object: T.Label; create: T.LabelCreate; ops: { assign: T.LabeledResource[]; unassign: boolean } };
  cloud_provider: { object: T.CloudProvider };
  server_plan: { object: T.ServerPlan };
  storage_plan: { object: T.StoragePlan };
  realm: { object: T.Realm };
  generic_image: { object: T.GenericImage };
  location: { object: T.Location };
  saas_provider: { object: T.SaasProvider };
  cloud_account: { object: T.CloudAccount };
  vpn_plan: { object: T.VpnPlan };
  event: { object: T.AuditEvent; ops: { system: T.AuditEvent[] } };
}

/** Endpoint groups of no kind, with their facade (`client.wizard`). */
export interface WireGroups {
  wizard: { object: T.ImcoObject; ops: { cloud_providers: T.CloudProvider[]; cloud_accounts: T.CloudAccount[] } };
}

/** The wire entry of a kind name: its map entry, or untyped. */
export type WireOf<K extends string> = K extends keyof WireKinds ? WireKinds[K] : UntypedWire;
