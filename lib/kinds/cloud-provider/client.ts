// The client's typed facade for cloud provider objects (one method per operation; transport,
// retries and errors live in the client).
import { Facade } from '../../client/facade';
import type * as T from '../../client/types';

export class CloudProvidersApi extends Facade {
  list(): Promise<T.CloudProvider[]> {
    return this.host.call('cloud_provider.list');
  }
}
