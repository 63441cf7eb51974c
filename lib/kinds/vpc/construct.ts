// Vpc: a labelable VPC (API reference §5.2). Only its name is mutable; CIDR, cloud account and
// realm are immutable (a change replaces it, and with it its subnets and VPN).
import type { Construct } from 'constructs';
import { ImcoObject, type ImcoObjectProps } from '../../constructs/imco-object';
import { parseIpv4Cidr, type Ipv4Network } from '../../constructs/cidr';
import type { IdLike } from '../../constructs/validation';

export interface VpcProps extends ImcoObjectProps {
  readonly name: string;
  /** IPv4 CIDR block of the VPC, e.g. `10.0.0.0/16`. */
  readonly cidr: string;
  /** Cloud account the VPC is deployed in. */
  readonly cloudAccount: IdLike;
  /** Provider-side name of the realm (region), e.g. `eu-west-1`. */
  readonly realmProviderName: string;
}

/** An IMCO VPC. */
export class Vpc extends ImcoObject {
  /** The parsed CIDR block (undefined when invalid). */
  readonly network?: Ipv4Network;
  /** Id of the cloud account (undefined when invalid). */
  readonly cloudAccountId?: string;

  constructor(scope: Construct, id: string, props: VpcProps) {
    super(scope, id, 'vpc', props);
    this.checkName(props.name);
    const { network, problem } = parseIpv4Cidr(props.cidr);
    if (problem) this.problem(`cidr ${problem}`);
    this.network = network;
    this.cloudAccountId = this.idField(props.cloudAccount, 'cloudAccount', 'cloud account');
    if (typeof props.realmProviderName !== 'string' || props.realmProviderName.trim() === '') {
      this.problem("realmProviderName is required: the provider's name of the region, e.g. 'eu-west-1'");
    }
    this.encode({
      fields: {
        name: props.name,
        cidr: props.cidr,
        cloud_account_id: this.cloudAccountId,
        realm_provider_name: props.realmProviderName,
      },
    });
  }
}
