// The client's typed facade for saas provider objects (one method per operation; transport,
// retries and errors live in the client).
import { Facade } from '../../client/facade';
import type * as T from '../../client/types';

export class SaasProvidersApi extends Facade {
  list(): Promise<T.SaasProvider[]> {
    return this.host.call('saas_provider.list');
  }
}
