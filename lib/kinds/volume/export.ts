// Export hook of volumes: name, size, account and storage plan (lookups), the server it is attached
// to (construct reference: an attachment to a server this export does not adopt cannot be written).
import type { KindExport } from '../../export/kind-export';

export const volumeExport: KindExport = {
  kind: 'volume',
  className: 'Volume',
  attachedProp: 'server',
  render: ({ id, live }, ctx) => ({
    props: [['name', ctx.literal(live.name)], ['size', ctx.literal(Number(live.size))], ['cloudAccount', ctx.lookup('cloud_account', live.cloud_account_id)], ['storagePlan', ctx.lookup('storage_plan', live.storage_plan_id)]],
    importId: id,
  }),
};
