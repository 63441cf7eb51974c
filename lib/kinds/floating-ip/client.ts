// The client's typed facade for floating ip objects (one method per operation; transport,
// retries and errors live in the client).
import { Facade } from '../../client/facade';
import type * as T from '../../client/types';
import { type AttachedFilter } from '../server/client';

export class FloatingIpsApi extends Facade {
  list(filter: AttachedFilter = {}): Promise<T.FloatingIp[]> {
    return this.host.call('floating_ip.list', {}, undefined, { server_id: filter.serverId });
  }
  show(id: string): Promise<T.FloatingIp> {
    return this.host.call('floating_ip.show', { id });
  }
  create(body: T.FloatingIpCreate): Promise<T.FloatingIp> {
    return this.host.call('floating_ip.create', {}, body);
  }
  update(id: string, body: T.NameUpdate): Promise<T.FloatingIp> {
    return this.host.call('floating_ip.update', { id }, body);
  }
  /** Attaches to a server; IMCO answers with the server. */
  attach(id: string, serverId: string): Promise<T.Server> {
    return this.host.call('floating_ip.attach', { id }, { attached_server_id: serverId });
  }
  detach(id: string): Promise<boolean> {
    return this.host.removeVia('floating_ip.detach', { id });
  }
  remove(id: string): Promise<boolean> {
    return this.host.removeVia('floating_ip.delete', { id });
  }
  discard(id: string): Promise<boolean> {
    return this.host.removeVia('floating_ip.discard', { id });
  }
}
