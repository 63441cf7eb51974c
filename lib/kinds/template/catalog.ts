// Catalog entry of the template kind: paths, typed fields, identity, lifecycle and actions.
import { defineKind, req, labelIds, json, state } from '../../catalog/define';

export const templateKind = defineKind({
  kind: 'template',
  resourceType: 'template',
  title: 'template',
  construct: true,
  namespace: 'blueprint',
  collectionPath: '/blueprint/templates',
  itemPath: '/blueprint/templates/{id}',
  cliTrailingSlash: true,
  operations: ['list', 'show', 'create', 'update', 'delete'],
  labelable: true,
  identity: { by: 'label' },
  nameField: 'name',
  createFields: [
    req('name'),
    req('generic_image_id', { ref: 'generic_image' }),
    json('configuration_attributes'),
    { name: 'run_list', type: 'string[]' },
    json('cookbook_versions'),
    labelIds,
  ],
  updateFields: ['name', 'configuration_attributes', 'run_list', 'cookbook_versions'],
  responseFields: [
    'name', 'generic_image_id', 'run_list', 'configuration_attributes', 'cookbook_versions',
    'error_message', 'state', 'variables', 'label_ids',
  ],
  listFields: ['id', 'name', 'generic_image_id', 'label_ids', 'resource_type'],
  computedFields: [state],
  lifecycle: {
    states: ['created', 'compiling', 'ready', 'compiling_error'],
    createSteps: ['created'],
    ready: ['created', 'ready'],
    failed: ['compiling_error'],
    deleteSteps: [],
  },
  actions: [
    {
      name: 'compile',
      method: 'PUT',
      suffix: '/compile',
      from: ['created', 'ready', 'compiling_error'],
      steps: ['compiling', 'ready'],
      returns: 'self',
    },
  ],
  endpoints: [
    { name: 'servers', method: 'GET', path: '/blueprint/templates/{id}/servers' },
  ],
  waitTimeoutSeconds: 600,
});
