// Export hook of volumes: name, size, account and storage plan (lookups), the server it is attached
// to (construct reference: an attachment to a server this export does not adopt cannot be written).
import { attachedConstruct, type KindExport } from '../../export/kind-export';

export const volumeExport: KindExport = {
  kind: 'volume',
  className: 'Volume',
  render: (o, ctx) => {
    const attached = attachedConstruct(o, ctx, 'server');
    if ('skip' in attached) return attached;
    const { name, size, cloud_account_id: account, storage_plan_id: plan } = o.live;
    return {
      props: [['name', ctx.literal(name)], ['size', ctx.literal(Number(size))], ['cloudAccount', ctx.lookup('cloud_account', account)], ['storagePlan', ctx.lookup('storage_plan', plan)], ...attached.props],
      importId: o.id,
    };
  },
};
