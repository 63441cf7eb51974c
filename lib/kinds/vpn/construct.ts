// Vpn: the one VPN of a managed VPC (API reference §5.4). IMCO cannot update a VPN, so every
// property — including the pre-shared key's fingerprint — is immutable: a change replaces it.
import type { Construct } from 'constructs';
import { ImcoObject, type ImcoObjectProps } from '../../constructs/imco-object';
import { parseIpv4, parseIpv4Cidr } from '../../constructs/cidr';
import type { Secret } from '../../constructs/secret';
import type { IdLike } from '../../constructs/validation';
import { isVpnPlanName, type VpnPlanName } from '../vpn-plan/construct';
import { Vpc } from '../vpc/construct';

export interface VpnProps extends ImcoObjectProps {
  /** The VPC whose VPN this is (one per VPC). */
  readonly vpc: Vpc;
  /** Public IPv4 address of the remote VPN endpoint. */
  readonly publicIp: string;
  /** Pre-shared key, by reference. */
  readonly psk: Secret;
  /** CIDR blocks exposed through the VPN. */
  readonly exposedCidrs: readonly string[];
  /** VPN plan of the VPC's provider: its id, or `VpnPlan.named('…')` to find it among the VPC's plans on create. */
  readonly vpnPlan: IdLike | VpnPlanName;
}

/** The VPN of an IMCO VPC. */
export class Vpn extends ImcoObject {
  constructor(scope: Construct, id: string, props: VpnProps) {
    super(scope, id, 'vpn', props);
    if (typeof props.publicIp !== 'string' || parseIpv4(props.publicIp) === undefined) {
      this.problem(`publicIp ${JSON.stringify(props.publicIp)} is not an IPv4 address`);
    }
    if (!Array.isArray(props.exposedCidrs) || props.exposedCidrs.length === 0) {
      this.problem('exposedCidrs must list at least one CIDR block');
    } else {
      props.exposedCidrs.forEach((cidr, i) => {
        const { problem } = parseIpv4Cidr(cidr);
        if (problem) this.problem(`exposedCidrs[${i}] ${problem}`);
      });
    }
    const vpcOk = props.vpc instanceof Vpc;
    if (vpcOk) this.use(props.vpc, 'vpc');
    else this.refTo(props.vpc, 'vpc', Vpc, 'Vpc');
    const psk = this.secretField('psk', props.psk, 'psk');
    this.encode({
      self: vpcOk ? { kind: 'vpn', parent: props.vpc.ref } : { kind: 'vpn' },
      parent: vpcOk ? props.vpc : undefined,
      fields: {
        public_ip: props.publicIp,
        psk,
        exposed_cidrs: Array.isArray(props.exposedCidrs) ? [...props.exposedCidrs] : undefined,
        vpn_plan_id:
          isVpnPlanName(props.vpnPlan) && vpcOk
            ? { $ref: { kind: 'vpn_plan', parent: props.vpc.ref, natural: { name: props.vpnPlan.vpnPlanName } } }
            : this.idField(props.vpnPlan, 'vpnPlan', 'VPN plan'),
      },
    });
  }
}
