// Every in-scope endpoint of the IMCO API v2 (API reference §3), one row each: the emulator serves
// them all, the client offers a method for each, and a test enumerates them against the emulator.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface EndpointSpec {
  /** Stable operation id, `<kind>.<operation>`. */
  readonly op: string;
  readonly method: HttpMethod;
  /** Path relative to `/v2`, `{name}` placeholders. Canonical form: no trailing slash. */
  readonly path: string;
  /** Kind the endpoint acts on (catalog name). */
  readonly kind: string;
  /** Whether a body is sent. */
  readonly body?: boolean;
}

const e = (op: string, method: HttpMethod, path: string, body = false): EndpointSpec => ({
  op,
  method,
  path,
  kind: op.split('.')[0],
  body,
});

export const ENDPOINTS: readonly EndpointSpec[] = [
  e('ping.get', 'GET', '/ping'),
  // Blueprint: templates
  e('template.list', 'GET', '/blueprint/templates'),
  e('template.create', 'POST', '/blueprint/templates', true),
  e('template.show', 'GET', '/blueprint/templates/{id}'),
  e('template.update', 'PUT', '/blueprint/templates/{id}', true),
  e('template.compile', 'PUT', '/blueprint/templates/{id}/compile', true),
  e('template.delete', 'DELETE', '/blueprint/templates/{id}'),
  e('template_script.list', 'GET', '/blueprint/templates/{template_id}/scripts'),
  e('template_script.create', 'POST', '/blueprint/templates/{template_id}/scripts', true),
  e('template_script.show', 'GET', '/blueprint/templates/{template_id}/scripts/{id}'),
  e('template_script.update', 'PUT', '/blueprint/templates/{template_id}/scripts/{id}', true),
  e('template_script.delete', 'DELETE', '/blueprint/templates/{template_id}/scripts/{id}'),
  e('template_script.reorder', 'PUT', '/blueprint/templates/{template_id}/scripts/reorder', true),
  e('template.servers', 'GET', '/blueprint/templates/{id}/servers'),
  // Blueprint: cookbook versions
  e('cookbook_version.list', 'GET', '/blueprint/cookbook_versions'),
  e('cookbook_version.create', 'POST', '/blueprint/cookbook_versions', true),
  e('cookbook_version.show', 'GET', '/blueprint/cookbook_versions/{id}'),
  e('cookbook_version.process', 'POST', '/blueprint/cookbook_versions/{id}/process', true),
  e('cookbook_version.delete', 'DELETE', '/blueprint/cookbook_versions/{id}'),
  // Blueprint: scripts and attachments
  e('script.list', 'GET', '/blueprint/scripts'),
  e('script.create', 'POST', '/blueprint/scripts', true),
  e('script.show', 'GET', '/blueprint/scripts/{id}'),
  e('script.update', 'PUT', '/blueprint/scripts/{id}', true),
  e('script.delete', 'DELETE', '/blueprint/scripts/{id}'),
  e('attachment.list', 'GET', '/blueprint/scripts/{script_id}/attachments'),
  e('attachment.create', 'POST', '/blueprint/scripts/{script_id}/attachments', true),
  e('attachment.uploaded', 'PUT', '/blueprint/attachments/{id}/uploaded', true),
  e('attachment.show', 'GET', '/blueprint/attachments/{id}'),
  e('attachment.delete', 'DELETE', '/blueprint/attachments/{id}'),
  // Network: firewall profiles
  e('firewall_profile.list', 'GET', '/network/firewall_profiles'),
  e('firewall_profile.create', 'POST', '/network/firewall_profiles', true),
  e('firewall_profile.show', 'GET', '/network/firewall_profiles/{id}'),
  e('firewall_profile.update', 'PUT', '/network/firewall_profiles/{id}', true),
  e('firewall_profile.delete', 'DELETE', '/network/firewall_profiles/{id}'),
  // Network: VPCs, subnets, VPN
  e('vpc.list', 'GET', '/network/vpcs'),
  e('vpc.create', 'POST', '/network/vpcs', true),
  e('vpc.show', 'GET', '/network/vpcs/{id}'),
  e('vpc.update', 'PUT', '/network/vpcs/{id}', true),
  e('vpc.delete', 'DELETE', '/network/vpcs/{id}'),
  e('vpc.discard', 'DELETE', '/network/vpcs/{id}/discard'),
  e('subnet.list', 'GET', '/network/vpcs/{vpc_id}/subnets'),
  e('subnet.create', 'POST', '/network/vpcs/{vpc_id}/subnets', true),
  e('subnet.show', 'GET', '/network/subnets/{id}'),
  e('subnet.update', 'PUT', '/network/subnets/{id}', true),
  e('subnet.delete', 'DELETE', '/network/subnets/{id}'),
  e('subnet.servers', 'GET', '/network/subnets/{id}/servers'),
  e('subnet.server_arrays', 'GET', '/network/subnets/{id}/server_arrays'),
  e('vpn.show', 'GET', '/network/vpcs/{vpc_id}/vpn'),
  e('vpn.create', 'POST', '/network/vpcs/{vpc_id}/vpn', true),
  e('vpn.delete', 'DELETE', '/network/vpcs/{vpc_id}/vpn'),
  e('vpn_plan.list', 'GET', '/network/vpcs/{vpc_id}/vpn_plans'),
  // Network: floating IPs
  e('floating_ip.list', 'GET', '/network/floating_ips'),
  e('floating_ip.create', 'POST', '/network/floating_ips', true),
  e('floating_ip.show', 'GET', '/network/floating_ips/{id}'),
  e('floating_ip.update', 'PUT', '/network/floating_ips/{id}', true),
  e('floating_ip.attach', 'POST', '/network/floating_ips/{id}/attached_server', true),
  e('floating_ip.detach', 'DELETE', '/network/floating_ips/{id}/attached_server'),
  e('floating_ip.delete', 'DELETE', '/network/floating_ips/{id}'),
  e('floating_ip.discard', 'DELETE', '/network/floating_ips/{id}/discard'),
  // Storage
  e('volume.list', 'GET', '/storage/volumes'),
  e('volume.create', 'POST', '/storage/volumes', true),
  e('volume.show', 'GET', '/storage/volumes/{id}'),
  e('volume.update', 'PUT', '/storage/volumes/{id}', true),
  e('volume.attach', 'POST', '/storage/volumes/{id}/attached_server', true),
  e('volume.detach', 'DELETE', '/storage/volumes/{id}/attached_server'),
  e('volume.delete', 'DELETE', '/storage/volumes/{id}'),
  e('volume.discard', 'DELETE', '/storage/volumes/{id}/discard'),
  e('storage_plan.show', 'GET', '/storage/plans/{id}'),
  e('storage_plan.list', 'GET', '/cloud/cloud_providers/{cloud_provider_id}/storage_plans'),
  // Cloud: SSH profiles
  e('ssh_profile.list', 'GET', '/cloud/ssh_profiles'),
  e('ssh_profile.create', 'POST', '/cloud/ssh_profiles', true),
  e('ssh_profile.show', 'GET', '/cloud/ssh_profiles/{id}'),
  e('ssh_profile.update', 'PUT', '/cloud/ssh_profiles/{id}', true),
  e('ssh_profile.delete', 'DELETE', '/cloud/ssh_profiles/{id}'),
  // Cloud: servers
  e('server.list', 'GET', '/cloud/servers'),
  e('server.show', 'GET', '/cloud/servers/{id}'),
  e('server.create', 'POST', '/cloud/servers', true),
  e('server.update', 'PUT', '/cloud/servers/{id}', true),
  e('server.boot', 'PUT', '/cloud/servers/{id}/boot', true),
  e('server.reboot', 'PUT', '/cloud/servers/{id}/reboot', true),
  e('server.shutdown', 'PUT', '/cloud/servers/{id}/shutdown', true),
  e('server.override', 'PUT', '/cloud/servers/{id}/override', true),
  e('server.delete', 'DELETE', '/cloud/servers/{id}'),
  e('server.events', 'GET', '/cloud/servers/{id}/events'),
  e('server.operational_scripts', 'GET', '/cloud/servers/{id}/operational_scripts'),
  e('server.execute_script', 'PUT', '/cloud/servers/{id}/operational_scripts/{script_id}/execute', true),
  e('server.floating_ips', 'GET', '/cloud/servers/{id}/floating_ips'),
  e('server.volumes', 'GET', '/cloud/servers/{id}/volumes'),
  // Cloud: server arrays
  e('server_array.list', 'GET', '/cloud/server_arrays'),
  e('server_array.create', 'POST', '/cloud/server_arrays', true),
  e('server_array.show', 'GET', '/cloud/server_arrays/{id}'),
  e('server_array.update', 'PUT', '/cloud/server_arrays/{id}', true),
  e('server_array.boot', 'PUT', '/cloud/server_arrays/{id}/boot', true),
  e('server_array.shutdown', 'PUT', '/cloud/server_arrays/{id}/shutdown', true),
  e('server_array.empty', 'PUT', '/cloud/server_arrays/{id}/empty', true),
  e('server_array.enlarge', 'POST', '/cloud/server_arrays/{id}/servers', true),
  e('server_array.servers', 'GET', '/cloud/server_arrays/{id}/servers'),
  e('server_array.delete', 'DELETE', '/cloud/server_arrays/{id}'),
  // Cloud: catalogues
  e('cloud_provider.list', 'GET', '/cloud/cloud_providers'),
  e('server_plan.list', 'GET', '/cloud/cloud_providers/{cloud_provider_id}/server_plans'),
  e('server_plan.show', 'GET', '/cloud/server_plans/{id}'),
  e('realm.list', 'GET', '/cloud/cloud_providers/{cloud_provider_id}/realms'),
  e('realm.show', 'GET', '/cloud/realms/{id}'),
  e('generic_image.list', 'GET', '/cloud/generic_images'),
  e('saas_provider.list', 'GET', '/cloud/saas_providers'),
  e('location.list', 'GET', '/wizard/locations'),
  e('wizard.cloud_providers', 'GET', '/wizard/cloud_providers'),
  e('wizard.cloud_accounts', 'GET', '/wizard/cloud_accounts'),
  // Settings
  e('cloud_account.list', 'GET', '/settings/cloud_accounts'),
  e('cloud_account.show', 'GET', '/settings/cloud_accounts/{id}'),
  e('saas_account.list', 'GET', '/settings/saas_accounts'),
  e('saas_account.create', 'POST', '/settings/saas_accounts', true),
  e('saas_account.update', 'PUT', '/settings/saas_accounts/{id}', true),
  e('saas_account.delete', 'DELETE', '/settings/saas_accounts/{id}'),
  // Audit
  e('event.list', 'GET', '/audit/events'),
  e('event.show', 'GET', '/audit/events/{id}'),
  e('event.system', 'GET', '/audit/system_events'),
  // Labels
  e('label.list', 'GET', '/labels'),
  e('label.show', 'GET', '/labels/{id}'),
  e('label.create', 'POST', '/labels', true),
  e('label.assign', 'POST', '/labels/{label_id}/resources', true),
  e('label.unassign', 'DELETE', '/labels/{label_id}/resources/{resource_type}/{resource_id}'),
];

/** Looks an endpoint up by its operation id; throws on a typo so callers fail loudly. */
export function endpoint(op: string): EndpointSpec {
  const found = ENDPOINTS.find((x) => x.op === op);
  if (!found) throw new Error(`unknown IMCO endpoint '${op}'`);
  return found;
}

/** Fills `{name}` placeholders; every value is URI-encoded. Missing values are an error. */
export function fillPath(path: string, params: Readonly<Record<string, string>>): string {
  return path.replace(/\{([a-z_]+)\}/g, (_m, name: string) => {
    const v = params[name];
    if (v === undefined || v === '') throw new Error(`path ${path} needs '${name}'`);
    return encodeURIComponent(v);
  });
}
