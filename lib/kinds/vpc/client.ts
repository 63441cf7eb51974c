// The client's typed facade for vpc objects (one method per operation; transport,
// retries and errors live in the client).
import { Facade } from '../../client/facade';
import type * as T from '../../client/types';

export class VpcsApi extends Facade {
  list(): Promise<T.Vpc[]> {
    return this.host.call('vpc.list');
  }
  show(id: string): Promise<T.Vpc> {
    return this.host.call('vpc.show', { id });
  }
  create(body: T.VpcCreate): Promise<T.Vpc> {
    return this.host.call('vpc.create', {}, body);
  }
  update(id: string, body: T.NameUpdate): Promise<T.Vpc> {
    return this.host.call('vpc.update', { id }, body);
  }
  remove(id: string): Promise<boolean> {
    return this.host.removeVia('vpc.delete', { id });
  }
  /** Removes the VPC from IMCO without deleting it at the provider. */
  discard(id: string): Promise<boolean> {
    return this.host.removeVia('vpc.discard', { id });
  }
  /** VPN plans available to the VPC. */
  vpnPlans(vpcId: string): Promise<T.VpnPlan[]> {
    return this.host.call('vpn_plan.list', { vpc_id: vpcId });
  }
}
