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
  waitTimeoutSeconds: 60,
});
