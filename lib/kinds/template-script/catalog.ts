// Catalog entry of the template_script kind: paths, typed fields, identity, lifecycle and actions.
import { defineKind, req, stringMap, computed } from '../../catalog/define';

export const TEMPLATE_SCRIPT_TYPES = ['operational', 'boot', 'shutdown'] as const;

export const templateScriptKind = defineKind({
  kind: 'template_script',
  resourceType: 'template_script',
  title: 'template script',
  namespace: 'blueprint',
  collectionPath: '/blueprint/templates/{template_id}/scripts',
  itemPath: '/blueprint/templates/{template_id}/scripts/{id}',
  parent: { kind: 'template', param: 'template_id', field: 'template_id' },
  operations: ['list', 'show', 'create', 'update', 'delete'],
  labelable: false,
  identity: { by: 'natural', fields: ['type', 'script_id', 'execution_order'] },
  createFields: [
    req('type', { enum: TEMPLATE_SCRIPT_TYPES }),
    req('script_id', { ref: 'script' }),
    stringMap('parameter_values'),
  ],
  updateFields: ['parameter_values'],
  responseFields: ['type', 'execution_order', 'template_id', 'script_id', 'parameter_values'],
  computedFields: [computed('execution_order', 'integer')],
  endpoints: [
    { name: 'reorder', method: 'PUT', path: '/blueprint/templates/{template_id}/scripts/reorder', body: true },
  ],
  waitTimeoutSeconds: 60,
});
