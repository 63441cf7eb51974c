// Subnet: a subnet of a managed VPC (API reference §5.3). Not labelable: identified by its VPC and
// CIDR. Only its name is mutable; replacing the VPC replaces the subnet.
import type { Construct } from 'constructs';
import { SUBNET_TYPES } from '../../catalog';
import { ImcoObject, type ImcoObjectProps } from '../../constructs/imco-object';
import { cidrContains, cidrsOverlap, parseIpv4Cidr, type Ipv4Network } from '../../constructs/cidr';
import { registryOf } from '../../constructs/registry';
import { Vpc } from '../vpc/construct';

export type SubnetType = (typeof SUBNET_TYPES)[number];

export interface SubnetProps extends ImcoObjectProps {
  /** The VPC the subnet belongs to. */
  readonly vpc: Vpc;
  readonly name: string;
  /** IPv4 CIDR block inside the VPC's, e.g. `10.0.1.0/24`. */
  readonly cidr: string;
  readonly type: SubnetType;
}

/** A subnet of an IMCO VPC. */
export class Subnet extends ImcoObject {
  readonly vpc: Vpc;
  readonly network?: Ipv4Network;

  constructor(scope: Construct, id: string, props: SubnetProps) {
    super(scope, id, 'subnet', props);
    this.vpc = props.vpc;
    this.checkName(props.name);
    const { network, problem } = parseIpv4Cidr(props.cidr);
    if (problem) this.problem(`cidr ${problem}`);
    this.network = network;
    if (!SUBNET_TYPES.includes(props.type)) {
      this.problem(`type ${JSON.stringify(props.type)} is not a subnet type; use one of ${SUBNET_TYPES.join(', ')}`);
    }
    const vpcOk = props.vpc instanceof Vpc;
    if (vpcOk) this.use(props.vpc, 'vpc');
    else this.refTo(props.vpc, 'vpc', Vpc, 'Vpc');
    this.check(() => {
      const vpc = props.vpc;
      if (!vpcOk || !network || !vpc.network) return [];
      const found: string[] = [];
      if (!cidrContains(vpc.network, network)) {
        found.push(`cidr ${network.text} is not inside its VPC '${vpc.objectPath}' (${vpc.network.text}); choose a block inside ${vpc.network.text}`);
      }
      for (const other of registryOf(this).objects) {
        if (other === this) break;
        if (other instanceof Subnet && other.vpc === vpc && other.network && other.network.text !== network.text && cidrsOverlap(other.network, network)) {
          found.push(`cidr ${network.text} overlaps subnet '${other.objectPath}' (${other.network.text}) of the same VPC; subnets of a VPC must not overlap`);
        }
      }
      return found;
    });
    this.encode({
      self: vpcOk ? { kind: 'subnet', parent: props.vpc.ref, natural: { cidr: String(props.cidr) } } : { kind: 'subnet', natural: { cidr: String(props.cidr) } },
      parent: vpcOk ? props.vpc : undefined,
      fields: { name: props.name, cidr: props.cidr, type: props.type },
    });
  }
}
