// Export table of volumes: name, size, account and storage plan (lookups), the server it is attached
// to (construct reference: an attachment to a server this export does not adopt cannot be written).
import { prop, str, type KindExport } from '../../export/kind-export';

export const volumeExport: KindExport = {
  kind: 'volume',
  className: 'Volume',
  render: (o, ctx) => {
    const attached = str(o.live.attached_server_id);
    const server = attached ? ctx.ref('server', attached) : undefined;
    if (attached && !server) return { skip: `attached to server ${attached}, which this export does not adopt` };
    return {
      props: [
        ['name', ctx.literal(o.live.name)],
        ['size', ctx.literal(Number(o.live.size))],
        ['cloudAccount', ctx.lookup('cloud_account', o.live.cloud_account_id)],
        ['storagePlan', ctx.lookup('storage_plan', o.live.storage_plan_id)],
        ...prop('server', server),
      ],
      importId: o.id,
    };
  },
};
