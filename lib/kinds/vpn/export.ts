// Export hook of VPNs: their VPC (construct reference), peer address, exposed CIDRs, the VPN plan by
// id (what the provider reads back), and the pre-shared key as a Secret.fromEnv placeholder (IMCO
// never returns it). Import id: the VPC's id (one VPN per VPC).
import { parentConstruct, type KindExport } from '../../export/kind-export';

export const vpnExport: KindExport = {
  kind: 'vpn',
  className: 'Vpn',
  render: (o, ctx) => {
    const vpc = parentConstruct(o, ctx);
    if ('skip' in vpc) return vpc;
    const cidrs = Array.isArray(o.live.exposed_cidrs) ? o.live.exposed_cidrs : [];
    const psk = ctx.secret('psk', 'the VPN pre-shared key');
    return {
      props: [['vpc', vpc.ref], ['publicIp', ctx.literal(o.live.public_ip)], ['psk', psk], ['exposedCidrs', ctx.literal(cidrs)], ['vpnPlan', ctx.literal(o.live.vpn_plan_id)]],
      importId: String(o.parentId),
    };
  },
};
