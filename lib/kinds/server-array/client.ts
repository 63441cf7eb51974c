// The client's typed facade for server array objects (one method per operation; transport,
// retries and errors live in the client).
import { Facade } from '../../client/facade';
import type * as T from '../../client/types';

export class ServerArraysApi extends Facade {
  list(): Promise<T.ServerArray[]> {
    return this.host.call('server_array.list');
  }
  show(id: string): Promise<T.ServerArray> {
    return this.host.call('server_array.show', { id });
  }
  create(body: T.ServerArrayCreate): Promise<T.ServerArray> {
    return this.host.call('server_array.create', {}, body);
  }
  update(id: string, body: T.NameUpdate): Promise<T.ServerArray> {
    return this.host.call('server_array.update', { id }, body);
  }
  boot(id: string): Promise<T.ServerArray> {
    return this.host.call('server_array.boot', { id }, {});
  }
  shutdown(id: string): Promise<T.ServerArray> {
    return this.host.call('server_array.shutdown', { id }, {});
  }
  /** Decommissions every member server. */
  empty(id: string): Promise<T.ServerArray> {
    return this.host.call('server_array.empty', { id }, {});
  }
  /** Adds `count` servers. Not idempotent: an unknown outcome is reported, never repeated. */
  enlarge(id: string, count: number): Promise<T.ServerArray> {
    return this.host.call('server_array.enlarge', { id }, { size: count });
  }
  servers(id: string): Promise<T.Server[]> {
    return this.host.call('server_array.servers', { id });
  }
  /** Only an empty array can be deleted. */
  remove(id: string): Promise<boolean> {
    return this.host.removeVia('server_array.delete', { id });
  }
}
