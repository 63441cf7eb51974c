// Catalog entry of the script kind: paths, typed fields, identity, lifecycle and actions.
import { defineKind, str, req, labelIds } from '../../catalog/define';

export const scriptKind = defineKind({
  kind: 'script',
  resourceType: 'script',
  title: 'script',
  construct: true,
  namespace: 'blueprint',
  collectionPath: '/blueprint/scripts',
  itemPath: '/blueprint/scripts/{id}',
  operations: ['list', 'show', 'create', 'update', 'delete'],
  labelable: true,
  identity: { by: 'label' },
  nameField: 'name',
  createFields: [req('name'), str('description'), str('code'), { name: 'parameters', type: 'string[]' }, labelIds],
  updateFields: ['name', 'description', 'code', 'parameters'],
  responseFields: ['name', 'description', 'code', 'parameters', 'label_ids'],
  waitTimeoutSeconds: 60,
});
