// The client's typed facade for location objects (one method per operation; transport,
// retries and errors live in the client).
import { Facade } from '../../client/facade';
import type * as T from '../../client/types';

export class LocationsApi extends Facade {
  list(): Promise<T.Location[]> {
    return this.host.call('location.list');
  }
}
