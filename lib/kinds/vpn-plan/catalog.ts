// Catalog entry of the read-only vpn_plan kind (looked up by name, never created).
import { readOnlyKind } from '../../catalog/define';

export const vpnPlanKind = readOnlyKind('vpn_plan', 'VPN plan', 'network', '/network/vpcs/{vpc_id}/vpn_plans', ['name', 'active_active', 'remote_id'], {
  parent: { kind: 'vpc', param: 'vpc_id', field: 'vpc_id' },
});
