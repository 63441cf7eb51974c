// Catalog entry of the server_array kind: paths, typed fields, identity, lifecycle and actions.
import { defineKind, str, req, labelIds, computed, state } from '../../catalog/define';
import { serverLifecycle } from '../../catalog/lifecycles';

export const serverArrayKind = defineKind({
  kind: 'server_array',
  resourceType: 'server_array',
  title: 'server array',
  construct: true,
  namespace: 'cloud',
  collectionPath: '/cloud/server_arrays',
  itemPath: '/cloud/server_arrays/{id}',
  cliTrailingSlash: true,
  operations: ['list', 'show', 'create', 'update', 'delete'],
  labelable: true,
  identity: { by: 'label' },
  nameField: 'name',
  createFields: [
    req('name'),
    req('template_id', { ref: 'template' }),
    req('cloud_account_id', { ref: 'cloud_account' }),
    req('server_plan_id', { ref: 'server_plan' }),
    { name: 'size', type: 'integer' },
    str('firewall_profile_id', { ref: 'firewall_profile', defaulted: true }),
    str('ssh_profile_id', { ref: 'ssh_profile', defaulted: true }),
    str('subnet_id', { ref: 'subnet' }),
    { name: 'privateness', type: 'boolean', defaulted: true },
    labelIds,
  ],
  // `size` grows through the enlarge action, not through PUT; it is not immutable either.
  notDesired: ['size'],
  updateFields: ['name'],
  responseFields: [
    'name', 'state', 'size', 'server_plan_id', 'cloud_account_id', 'template_id', 'firewall_profile_id',
    'ssh_profile_id', 'ssh_profile_ids', 'subnet_id', 'vpc_id', 'privateness', 'label_ids',
  ],
  computedFields: [computed('vpc_id'), state],
  lifecycle: { ...serverLifecycle, createSteps: ['inactive'], deleteSteps: [] },
  actions: [
    { name: 'boot', method: 'PUT', suffix: '/boot', from: ['inactive'], steps: ['booting', 'bootstrapping', 'operational'], returns: 'self' },
    {
      name: 'shutdown',
      method: 'PUT',
      suffix: '/shutdown',
      from: ['bootstrapping', 'operational', 'stalled'],
      steps: ['shutting_down', 'inactive'],
      returns: 'self',
    },
    { name: 'empty', method: 'PUT', suffix: '/empty', from: ['inactive', 'stalled', 'commission_stalled'], returns: 'self' },
    {
      name: 'enlarge',
      method: 'POST',
      suffix: '/servers',
      fields: [
        { name: 'size', type: 'integer', aliases: ['size_increase'], required: true },
      ],
      returns: 'self',
    },
  ],
  endpoints: [
    { name: 'servers', method: 'GET', path: '/cloud/server_arrays/{id}/servers' },
  ],
  waitTimeoutSeconds: 1800,
});
