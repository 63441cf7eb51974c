// Export hook of floating IPs: name, account and realm (lookups), the server it is attached to.
import { attachedConstruct, type KindExport } from '../../export/kind-export';

export const floatingIpExport: KindExport = {
  kind: 'floating_ip',
  className: 'FloatingIp',
  render: (o, ctx) => {
    const attached = attachedConstruct(o, ctx, 'server');
    if ('skip' in attached) return attached;
    const lookups: [string, string][] = [['cloudAccount', ctx.lookup('cloud_account', o.live.cloud_account_id)], ['realm', ctx.lookup('realm', o.live.realm_id)]];
    return { props: [['name', ctx.literal(o.live.name)], ...lookups, ...attached.props], importId: o.id };
  },
};
