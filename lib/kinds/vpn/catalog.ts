// Catalog entry of the vpn kind: paths, typed fields, identity, lifecycle and actions.
import { defineKind, req, state } from '../../catalog/define';
import { provisionedLifecycle } from '../../catalog/lifecycles';

export const vpnKind = defineKind({
  kind: 'vpn',
  resourceType: 'vpn',
  title: 'VPN',
  construct: true,
  namespace: 'network',
  collectionPath: '/network/vpcs/{vpc_id}/vpn',
  itemPath: '/network/vpcs/{vpc_id}/vpn',
  parent: { kind: 'vpc', param: 'vpc_id', field: 'vpc_id' },
  singleton: true,
  operations: ['show', 'create', 'delete'],
  labelable: false,
  identity: { by: 'singleton' },
  createFields: [
    req('public_ip'),
    req('psk', { secret: true }),
    { name: 'exposed_cidrs', type: 'string[]', required: true },
    req('vpn_plan_id', { ref: 'vpn_plan' }),
  ],
  updateFields: [],
  responseFields: ['state', 'vpc_id', 'vpn_plan_id', 'public_ip', 'exposed_cidrs'],
  computedFields: [state],
  lifecycle: provisionedLifecycle,
  byName: [{ field: 'vpn_plan_id', attribute: 'vpn_plan_name' }],
  waitTimeoutSeconds: 900,
});
