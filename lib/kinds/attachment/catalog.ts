// Catalog entry of the attachment kind: paths, typed fields, identity, lifecycle and actions.
import { defineKind, req } from '../../catalog/define';

export const attachmentKind = defineKind({
  kind: 'attachment',
  resourceType: 'attachment',
  title: 'script attachment',
  namespace: 'blueprint',
  collectionPath: '/blueprint/scripts/{script_id}/attachments',
  itemPath: '/blueprint/attachments/{id}',
  parent: { kind: 'script', param: 'script_id', field: 'script_id' },
  operations: ['list', 'show', 'create', 'delete'],
  labelable: false,
  identity: { by: 'natural', fields: ['name'] },
  nameField: 'name',
  createFields: [req('name')],
  updateFields: [],
  responseFields: ['name', 'uploaded', 'upload_url', 'download_url'],
  actions: [
    { name: 'uploaded', method: 'PUT', suffix: '/uploaded', returns: 'self' },
  ],
  waitTimeoutSeconds: 60,
});
