// Catalog entry of the volume kind: paths, typed fields, identity, lifecycle and actions.
import { defineKind, req, labelIds, computed, state } from '../../catalog/define';

export const volumeKind = defineKind({
  kind: 'volume',
  resourceType: 'volume',
  title: 'volume',
  construct: true,
  namespace: 'storage',
  collectionPath: '/storage/volumes',
  itemPath: '/storage/volumes/{id}',
  cliTrailingSlash: true,
  operations: ['list', 'show', 'create', 'update', 'delete', 'discard'],
  labelable: true,
  identity: { by: 'label' },
  nameField: 'name',
  createFields: [
    req('name'),
    { name: 'size', type: 'integer', required: true },
    req('cloud_account_id', { ref: 'cloud_account' }),
    req('storage_plan_id', { ref: 'storage_plan' }),
    labelIds,
  ],
  updateFields: ['name'],
  responseFields: [
    'name', 'size', 'device', 'state', 'remote_id', 'storage_plan_id', 'cloud_account_id', 'realm_id',
    'attached_server_id', 'brownfield', 'label_ids',
  ],
  computedFields: [computed('device'), computed('realm_id'), state],
  lifecycle: {
    states: ['provisioning', 'available', 'attaching', 'attached', 'detaching', 'deleting', 'error'],
    createSteps: ['provisioning', 'available'],
    ready: ['available', 'attached'],
    failed: ['error'],
    deleteFrom: ['available', 'error'],
    deleteSteps: ['deleting'],
  },
  actions: [
    {
      name: 'attach',
      method: 'POST',
      suffix: '/attached_server',
      from: ['available'],
      steps: ['attaching', 'attached'],
      fields: [req('attached_server_id', { ref: 'server' })],
      returns: 'referenced',
    },
    { name: 'detach', method: 'DELETE', suffix: '/attached_server', from: ['attached'], steps: ['detaching', 'available'], returns: 'none' },
  ],
  waitTimeoutSeconds: 600,
});
