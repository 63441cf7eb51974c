// Export hook of subnets: their VPC (construct reference), name, CIDR, type. Import id <vpc>/<id>.
import { parentConstruct, type KindExport } from '../../export/kind-export';

export const subnetExport: KindExport = {
  kind: 'subnet',
  className: 'Subnet',
  render: (o, ctx) => {
    const vpc = parentConstruct(o, ctx);
    if ('skip' in vpc) return vpc;
    const fields = ['name', 'cidr', 'type'].map((f): [string, string] => [f, ctx.literal(o.live[f])]);
    return { props: [['vpc', vpc.ref], ...fields], importId: `${String(o.parentId)}/${o.id}` };
  },
};
