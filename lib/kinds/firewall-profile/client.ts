// The client's typed facade for firewall profile objects (one method per operation; transport,
// retries and errors live in the client).
import { Facade } from '../../client/facade';
import type * as T from '../../client/types';

export class FirewallProfilesApi extends Facade {
  list(): Promise<T.FirewallProfile[]> {
    return this.host.call('firewall_profile.list');
  }
  show(id: string): Promise<T.FirewallProfile> {
    return this.host.call('firewall_profile.show', { id });
  }
  create(body: T.FirewallProfileCreate): Promise<T.FirewallProfile> {
    return this.host.call('firewall_profile.create', {}, body);
  }
  /** `rules`, when given, replaces the whole rule set. */
  update(id: string, body: T.FirewallProfileUpdate): Promise<T.FirewallProfile> {
    return this.host.call('firewall_profile.update', { id }, body);
  }
  remove(id: string): Promise<boolean> {
    return this.host.removeVia('firewall_profile.delete', { id });
  }
}
