// Catalog entry of the saas_account kind: paths, typed fields, identity, lifecycle and actions.
import { defineKind, req, json } from '../../catalog/define';

export const saasAccountKind = defineKind({
  kind: 'saas_account',
  resourceType: 'saas_account',
  title: 'SaaS account',
  construct: true,
  namespace: 'settings',
  collectionPath: '/settings/saas_accounts',
  itemPath: '/settings/saas_accounts/{id}',
  operations: ['list', 'create', 'update', 'delete'],
  labelable: false,
  identity: { by: 'natural', fields: ['saas_provider_id'] },
  createFields: [
    req('saas_provider_id', { ref: 'saas_provider' }),
    json('account_data', { required: true, secret: true }),
  ],
  updateFields: ['account_data'],
  responseFields: ['saas_provider_id'],
  waitTimeoutSeconds: 60,
});
