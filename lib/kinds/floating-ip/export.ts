// Export hook of floating IPs: name, account and realm (lookups), the server it is attached to
// (construct reference: an attachment to a server this export does not adopt cannot be written).
import type { KindExport } from '../../export/kind-export';

export const floatingIpExport: KindExport = {
  kind: 'floating_ip',
  className: 'FloatingIp',
  attachedProp: 'server',
  render: ({ id, live }, ctx) => ({
    props: [['name', ctx.literal(live.name)], ['cloudAccount', ctx.lookup('cloud_account', live.cloud_account_id)], ['realm', ctx.lookup('realm', live.realm_id)]],
    importId: id,
  }),
};
