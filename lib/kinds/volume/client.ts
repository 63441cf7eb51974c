// The client's typed facade for volume objects (one method per operation; transport,
// retries and errors live in the client).
import { Facade } from '../../client/facade';
import type * as T from '../../client/types';
import { type AttachedFilter } from '../server/client';

export class VolumesApi extends Facade {
  list(filter: AttachedFilter = {}): Promise<T.Volume[]> {
    return this.host.call('volume.list', {}, undefined, { server_id: filter.serverId });
  }
  show(id: string): Promise<T.Volume> {
    return this.host.call('volume.show', { id });
  }
  create(body: T.VolumeCreate): Promise<T.Volume> {
    return this.host.call('volume.create', {}, body);
  }
  update(id: string, body: T.NameUpdate): Promise<T.Volume> {
    return this.host.call('volume.update', { id }, body);
  }
  /** Attaches to a server (`attaching` → `attached`); IMCO answers with the server. */
  attach(id: string, serverId: string): Promise<T.Server> {
    return this.host.call('volume.attach', { id }, { attached_server_id: serverId });
  }
  detach(id: string): Promise<boolean> {
    return this.host.removeVia('volume.detach', { id });
  }
  remove(id: string): Promise<boolean> {
    return this.host.removeVia('volume.delete', { id });
  }
  discard(id: string): Promise<boolean> {
    return this.host.removeVia('volume.discard', { id });
  }
}
