// The client's typed facade for vpn objects (one method per operation; transport,
// retries and errors live in the client).
import { Facade } from '../../client/facade';
import type * as T from '../../client/types';

/** The one VPN of a VPC, addressed by the VPC's id. */
export class VpnsApi extends Facade {
  show(vpcId: string): Promise<T.Vpn> {
    return this.host.call('vpn.show', { vpc_id: vpcId });
  }
  create(vpcId: string, body: T.VpnCreate): Promise<T.Vpn> {
    return this.host.call('vpn.create', { vpc_id: vpcId }, body);
  }
  remove(vpcId: string): Promise<boolean> {
    return this.host.removeVia('vpn.delete', { vpc_id: vpcId });
  }
  plans(vpcId: string): Promise<T.VpnPlan[]> {
    return this.host.call('vpn_plan.list', { vpc_id: vpcId });
  }
}
