// Catalog entry of the cookbook_version kind: paths, typed fields, identity, lifecycle and actions.
import { defineKind, labelIds } from '../../catalog/define';

export const cookbookVersionKind = defineKind({
  kind: 'cookbook_version',
  resourceType: 'cookbook_version',
  title: 'cookbook version',
  construct: true,
  namespace: 'blueprint',
  collectionPath: '/blueprint/cookbook_versions',
  itemPath: '/blueprint/cookbook_versions/{id}',
  operations: ['list', 'show', 'create', 'delete'],
  labelable: true,
  identity: { by: 'label' },
  nameField: 'name',
  createFields: [labelIds],
  updateFields: [],
  responseFields: [
    'name', 'version', 'description', 'publicly_available', 'state', 'error_message',
    'revision_id', 'recipes', 'global_legacy', 'upload_url', 'label_ids',
  ],
  lifecycle: {
    states: ['created', 'processing', 'duplicated', 'ready', 'processing_error'],
    createSteps: ['created'],
    ready: ['ready'],
    failed: ['processing_error', 'duplicated'],
    deleteSteps: [],
  },
  actions: [
    { name: 'process', method: 'POST', suffix: '/process', from: ['created'], steps: ['processing', 'ready'], returns: 'self' },
  ],
  waitTimeoutSeconds: 300,
});
