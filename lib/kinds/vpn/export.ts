// Export hook of VPNs: their VPC (construct reference), peer address, exposed CIDRs, the VPN plan by
// id (what the provider reads back), and the pre-shared key as a Secret.fromEnv placeholder (IMCO
// never returns it). Import id: the VPC's id (one VPN per VPC).
import type { KindExport } from '../../export/kind-export';

export const vpnExport: KindExport = {
  kind: 'vpn',
  className: 'Vpn',
  parentProp: 'vpc',
  render: ({ live, parentId }, ctx) => ({
    props: [
      ['publicIp', ctx.literal(live.public_ip)],
      ['psk', ctx.secret('psk', 'the VPN pre-shared key')],
      ['exposedCidrs', ctx.literal(Array.isArray(live.exposed_cidrs) ? live.exposed_cidrs : [])],
      ['vpnPlan', ctx.literal(live.vpn_plan_id)],
    ],
    importId: String(parentId),
  }),
};
