// The client's typed facade for ssh profile objects (one method per operation; transport,
// retries and errors live in the client).
import { Facade } from '../../client/facade';
import type * as T from '../../client/types';

export class SshProfilesApi extends Facade {
  list(): Promise<T.SshProfile[]> {
    return this.host.call('ssh_profile.list');
  }
  show(id: string): Promise<T.SshProfile> {
    return this.host.call('ssh_profile.show', { id });
  }
  create(body: T.SshProfileCreate): Promise<T.SshProfile> {
    return this.host.call('ssh_profile.create', {}, body);
  }
  update(id: string, body: T.SshProfileUpdate): Promise<T.SshProfile> {
    return this.host.call('ssh_profile.update', { id }, body);
  }
  remove(id: string): Promise<boolean> {
    return this.host.removeVia('ssh_profile.delete', { id });
  }
}
