// Export hook of VPCs: name, CIDR, cloud account (lookup), the provider's realm name; a VPC whose
// `has_vpn` is false has no VPN to read.
import type { KindExport } from '../../export/kind-export';

export const vpcExport: KindExport = {
  kind: 'vpc',
  className: 'Vpc',
  lacksChild: (live, kind) => kind === 'vpn' && live.has_vpn === false,
  render: (o, ctx) => ({
    props: [
      ['name', ctx.literal(o.live.name)],
      ['cidr', ctx.literal(o.live.cidr)],
      ['cloudAccount', ctx.lookup('cloud_account', o.live.cloud_account_id)],
      ['realmProviderName', ctx.literal(o.live.realm_provider_name)],
    ],
    importId: o.id,
  }),
};
