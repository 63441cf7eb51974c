// Export table of floating IPs: name, account and realm (lookups), the server it is attached to.
import { prop, str, type KindExport } from '../../export/kind-export';

export const floatingIpExport: KindExport = {
  kind: 'floating_ip',
  className: 'FloatingIp',
  render: (o, ctx) => {
    const attached = str(o.live.attached_server_id);
    const server = attached ? ctx.ref('server', attached) : undefined;
    if (attached && !server) return { skip: `attached to server ${attached}, which this export does not adopt` };
    return {
      props: [
        ['name', ctx.literal(o.live.name)],
        ['cloudAccount', ctx.lookup('cloud_account', o.live.cloud_account_id)],
        ['realm', ctx.lookup('realm', o.live.realm_id)],
        ...prop('server', server),
      ],
      importId: o.id,
    };
  },
};
