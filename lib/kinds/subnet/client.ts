// The client's typed facade for subnet objects (one method per operation; transport,
// retries and errors live in the client).
import { Facade } from '../../client/facade';
import type * as T from '../../client/types';

export class SubnetsApi extends Facade {
  list(vpcId: string): Promise<T.Subnet[]> {
    return this.host.call('subnet.list', { vpc_id: vpcId });
  }
  show(id: string): Promise<T.Subnet> {
    return this.host.call('subnet.show', { id });
  }
  create(vpcId: string, body: T.SubnetCreate): Promise<T.Subnet> {
    return this.host.call('subnet.create', { vpc_id: vpcId }, body);
  }
  update(id: string, body: T.NameUpdate): Promise<T.Subnet> {
    return this.host.call('subnet.update', { id }, body);
  }
  remove(id: string): Promise<boolean> {
    return this.host.removeVia('subnet.delete', { id });
  }
  servers(id: string): Promise<T.Server[]> {
    return this.host.call('subnet.servers', { id });
  }
  serverArrays(id: string): Promise<T.ServerArray[]> {
    return this.host.call('subnet.server_arrays', { id });
  }
}
