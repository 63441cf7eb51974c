// Catalog entry of the label kind: paths, typed fields, identity, lifecycle and actions.
import { defineKind, str, req } from '../../catalog/define';

export const labelKind = defineKind({
  kind: 'label',
  resourceType: 'label',
  title: 'label',
  namespace: 'labels',
  collectionPath: '/labels',
  itemPath: '/labels/{id}',
  cliTrailingSlash: true,
  operations: ['list', 'show', 'create'],
  labelable: false,
  identity: { by: 'natural', fields: ['name', 'namespace'] },
  nameField: 'name',
  createFields: [req('name'), str('namespace'), str('value')],
  updateFields: [],
  responseFields: ['name', 'namespace', 'value'],
  endpoints: [
    { name: 'assign', method: 'POST', path: '/labels/{label_id}/resources', body: true, idempotent: true },
    { name: 'unassign', method: 'DELETE', path: '/labels/{label_id}/resources/{resource_type}/{resource_id}' },
  ],
  waitTimeoutSeconds: 60,
});
