// Catalog entry of the subnet kind: paths, typed fields, identity, lifecycle and actions.
import { defineKind, req, state } from '../../catalog/define';
import { provisionedLifecycle } from '../../catalog/lifecycles';

export const SUBNET_TYPES = ['only_public', 'only_private', 'public_and_private'] as const;

export const subnetKind = defineKind({
  kind: 'subnet',
  resourceType: 'subnet',
  title: 'subnet',
  construct: true,
  namespace: 'network',
  collectionPath: '/network/vpcs/{vpc_id}/subnets',
  itemPath: '/network/subnets/{id}',
  parent: { kind: 'vpc', param: 'vpc_id', field: 'vpc_id' },
  operations: ['list', 'show', 'create', 'update', 'delete'],
  labelable: false,
  identity: { by: 'natural', fields: ['cidr'] },
  nameField: 'name',
  createFields: [req('name'), req('cidr'), req('type', { enum: SUBNET_TYPES })],
  notDesired: [],
  updateFields: ['name'],
  responseFields: ['name', 'cidr', 'state', 'type', 'vpc_id', 'server_creation_disabled', 'brownfield'],
  computedFields: [state],
  lifecycle: provisionedLifecycle,
  endpoints: [
    { name: 'servers', method: 'GET', path: '/network/subnets/{id}/servers' },
    { name: 'server_arrays', method: 'GET', path: '/network/subnets/{id}/server_arrays' },
  ],
  waitTimeoutSeconds: 600,
});
