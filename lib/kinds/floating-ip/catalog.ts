// Catalog entry of the floating_ip kind: paths, typed fields, identity, lifecycle and actions.
import { defineKind, req, labelIds, computed, state } from '../../catalog/define';
import { provisionedLifecycle } from '../../catalog/lifecycles';

export const floatingIpKind = defineKind({
  kind: 'floating_ip',
  resourceType: 'floating_ip',
  title: 'floating IP',
  construct: true,
  namespace: 'network',
  collectionPath: '/network/floating_ips',
  itemPath: '/network/floating_ips/{id}',
  cliTrailingSlash: true,
  operations: ['list', 'show', 'create', 'update', 'delete', 'discard'],
  labelable: true,
  identity: { by: 'label' },
  nameField: 'name',
  createFields: [req('name'), req('cloud_account_id', { ref: 'cloud_account' }), req('realm_id', { ref: 'realm' }), labelIds],
  updateFields: ['name'],
  responseFields: [
    'name', 'address', 'state', 'cloud_account_id', 'realm_id', 'attached_server_id', 'brownfield', 'label_ids',
  ],
  computedFields: [computed('address'), state],
  lifecycle: provisionedLifecycle,
  actions: [
    {
      name: 'attach',
      method: 'POST',
      suffix: '/attached_server',
      fields: [req('attached_server_id', { ref: 'server' })],
      returns: 'referenced',
    },
    { name: 'detach', method: 'DELETE', suffix: '/attached_server', returns: 'none' },
  ],
  waitTimeoutSeconds: 300,
});
