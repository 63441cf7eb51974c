// Export table of VPNs: their VPC (construct reference), peer address, exposed CIDRs, the VPN plan by
// id (what the provider reads back), and the pre-shared key as a Secret.fromEnv placeholder (IMCO
// never returns it). Import id: the VPC's id (one VPN per VPC).
import type { KindExport } from '../../export/kind-export';

export const vpnExport: KindExport = {
  kind: 'vpn',
  className: 'Vpn',
  render: (o, ctx) => {
    const vpc = ctx.ref('vpc', o.parentId);
    if (!vpc) return { skip: `its VPC ${String(o.parentId)} is not exported` };
    return {
      props: [
        ['vpc', vpc],
        ['publicIp', ctx.literal(o.live.public_ip)],
        ['psk', ctx.secret('psk', 'the VPN pre-shared key')],
        ['exposedCidrs', ctx.literal(Array.isArray(o.live.exposed_cidrs) ? o.live.exposed_cidrs : [])],
        ['vpnPlan', ctx.literal(o.live.vpn_plan_id)],
      ],
      importId: String(o.parentId),
    };
  },
};
