// Export table of subnets: their VPC (construct reference), name, CIDR, type. Import id <vpc>/<id>.
import type { KindExport } from '../../export/kind-export';

export const subnetExport: KindExport = {
  kind: 'subnet',
  className: 'Subnet',
  render: (o, ctx) => {
    const vpc = ctx.ref('vpc', o.parentId);
    if (!vpc) return { skip: `its VPC ${String(o.parentId)} is not exported` };
    return {
      props: [
        ['vpc', vpc],
        ['name', ctx.literal(o.live.name)],
        ['cidr', ctx.literal(o.live.cidr)],
        ['type', ctx.literal(o.live.type)],
      ],
      importId: `${String(o.parentId)}/${o.id}`,
    };
  },
};
