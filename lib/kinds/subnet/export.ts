// Export hook of subnets: their VPC (construct reference), name, CIDR, type. Import id <vpc>/<id>.
import type { KindExport } from '../../export/kind-export';

export const subnetExport: KindExport = {
  kind: 'subnet',
  className: 'Subnet',
  parentProp: 'vpc',
  render: ({ id, live, parentId }, ctx) => ({
    props: [['name', ctx.literal(live.name)], ['cidr', ctx.literal(live.cidr)], ['type', ctx.literal(live.type)]],
    importId: `${String(parentId)}/${id}`,
  }),
};
