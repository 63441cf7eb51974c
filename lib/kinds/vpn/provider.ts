// imco_vpn's provider hooks: the VPN plan by name (`vpn_plan_name`). IMCO lists VPN plans per VPC,
// so the name is resolved among the VPC's plans at create (as imco-bridge does for `VpnPlan.named`),
// and `vpn_plan_id` becomes optional + computed. Exactly one of the two is set. A changed name
// replaces the VPN; a name set on an imported or moved VPN (whose state has none) is recorded in
// place (a locator).
import type { SpecValue } from '../../spec/spec';
import { type ProviderHooks, NO_PROVIDER_HOOKS, knownValue } from '../../provider/resources/kind-hooks';
import { vpcKind } from '../vpc/catalog';
import { vpnPlanKind } from '../vpn-plan/catalog';

export const vpnProviderHooks: ProviderHooks = {
  ...NO_PROVIDER_HOOKS,
  attributes: [
    {
      name: 'vpn_plan_name',
      type: 'string',
      optional: true,
      description: "Name of the VPN plan among the VPC's plans, resolved at create (instead of vpn_plan_id); a change replaces.",
    },
  ],
  suppliedFields: ['vpn_plan_id'],
  specFields: (v): Record<string, SpecValue> => {
    const name = knownValue<string>(v.vpn_plan_name, 'string');
    const vpcId = knownValue<string>(v.vpc_id, 'string');
    if (!name || !vpcId || knownValue<string>(v.vpn_plan_id, 'string')) return {};
    return { vpn_plan_id: { $ref: { kind: vpnPlanKind.kind, parent: { kind: vpcKind.kind, id: vpcId }, natural: { name }, path: `VPN plan '${name}'` } } };
  },
  fromLive: (_live, prior) => ({ vpn_plan_name: prior.vpn_plan_name ?? null }),
  validate: (config) => {
    const byId = config.vpn_plan_id !== null && config.vpn_plan_id !== undefined;
    const byName = config.vpn_plan_name !== null && config.vpn_plan_name !== undefined;
    if (byId && byName) {
      return [{ severity: 'error', summary: 'set vpn_plan_id or vpn_plan_name, not both', attribute: [{ attr: 'vpn_plan_name' }] }];
    }
    if (!byId && !byName) {
      return [{ severity: 'error', summary: 'vpn_plan_id or vpn_plan_name is required: give the plan id, or its name among the VPC\'s VPN plans', attribute: [{ attr: 'vpn_plan_id' }] }];
    }
    return [];
  },
  replace: ['vpn_plan_name'],
  locators: ['vpn_plan_name'],
};
