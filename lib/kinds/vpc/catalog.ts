// Catalog entry of the vpc kind: paths, typed fields, identity, lifecycle and actions.
import { defineKind, req, labelIds, state } from '../../catalog/define';
import { provisionedLifecycle } from '../../catalog/lifecycles';

export const vpcKind = defineKind({
  kind: 'vpc',
  resourceType: 'vpc',
  title: 'VPC',
  construct: true,
  namespace: 'network',
  collectionPath: '/network/vpcs',
  itemPath: '/network/vpcs/{id}',
  cliTrailingSlash: true,
  operations: ['list', 'show', 'create', 'update', 'delete', 'discard'],
  labelable: true,
  identity: { by: 'label' },
  nameField: 'name',
  createFields: [
    req('name'),
    req('cidr'),
    req('cloud_account_id', { ref: 'cloud_account' }),
    req('realm_provider_name'),
    labelIds,
  ],
  updateFields: ['name'],
  responseFields: [
    'name', 'cidr', 'state', 'cloud_account_id', 'realm_provider_name', 'has_vpn',
    'allowed_subnet_types', 'brownfield', 'label_ids',
  ],
  computedFields: [state],
  lifecycle: provisionedLifecycle,
  waitTimeoutSeconds: 600,
});
