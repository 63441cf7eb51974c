// The client's typed facade for realm objects (one method per operation; transport,
// retries and errors live in the client).
import { Facade } from '../../client/facade';
import type * as T from '../../client/types';

export class RealmsApi extends Facade {
  list(cloudProviderId: string): Promise<T.Realm[]> {
    return this.host.call('realm.list', { cloud_provider_id: cloudProviderId });
  }
  show(id: string): Promise<T.Realm> {
    return this.host.call('realm.show', { id });
  }
}
