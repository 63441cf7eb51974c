// Catalog entry of the server kind: paths, typed fields, identity, lifecycle and actions.
import { defineKind, str, req, labelIds, computed, state } from '../../catalog/define';
import { serverLifecycle } from '../../catalog/lifecycles';

export const serverKind = defineKind({
  kind: 'server',
  resourceType: 'server',
  title: 'server',
  construct: true,
  namespace: 'cloud',
  collectionPath: '/cloud/servers',
  itemPath: '/cloud/servers/{id}',
  cliTrailingSlash: true,
  operations: ['list', 'show', 'create', 'update', 'delete'],
  labelable: true,
  identity: { by: 'label' },
  nameField: 'name',
  createFields: [
    req('name'),
    req('template_id', { ref: 'template' }),
    req('server_plan_id', { ref: 'server_plan' }),
    req('cloud_account_id', { ref: 'cloud_account' }),
    req('ssh_profile_id', { ref: 'ssh_profile' }),
    req('firewall_profile_id', { ref: 'firewall_profile' }),
    str('subnet_id', { ref: 'subnet' }),
    { name: 'privateness', type: 'boolean', defaulted: true },
    labelIds,
  ],
  updateFields: ['name'],
  computedFields: [computed('fqdn'), computed('public_ip'), computed('private_ip'), computed('vpc_id'), state],
  responseFields: [
    'name', 'fqdn', 'state', 'public_ip', 'private_ip', 'template_id', 'server_plan_id', 'cloud_account_id',
    'ssh_profile_id', 'ssh_profile_ids', 'firewall_profile_id', 'server_array_id', 'brownfield_state',
    'subnet_id', 'vpc_id', 'privateness', 'label_ids',
  ],
  lifecycle: serverLifecycle,
  actions: [
    { name: 'boot', method: 'PUT', suffix: '/boot', from: ['inactive'], steps: ['booting', 'bootstrapping', 'operational'], returns: 'self' },
    { name: 'reboot', method: 'PUT', suffix: '/reboot', from: ['operational'], steps: ['booting', 'bootstrapping', 'operational'], returns: 'self' },
    {
      name: 'shutdown',
      method: 'PUT',
      suffix: '/shutdown',
      from: ['bootstrapping', 'operational', 'stalled'],
      steps: ['shutting_down', 'inactive'],
      returns: 'self',
    },
    { name: 'override', method: 'PUT', suffix: '/override', from: ['stalled'], steps: ['operational'], returns: 'self' },
  ],
  endpoints: [
    { name: 'events', method: 'GET', path: '/cloud/servers/{id}/events' },
    { name: 'operational_scripts', method: 'GET', path: '/cloud/servers/{id}/operational_scripts' },
    { name: 'execute_script', method: 'PUT', path: '/cloud/servers/{id}/operational_scripts/{script_id}/execute', body: true },
    { name: 'floating_ips', method: 'GET', path: '/cloud/servers/{id}/floating_ips' },
    { name: 'volumes', method: 'GET', path: '/cloud/servers/{id}/volumes' },
  ],
  waitTimeoutSeconds: 1800,
});
