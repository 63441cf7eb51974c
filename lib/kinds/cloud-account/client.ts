// The client's typed facade for cloud account objects (one method per operation; transport,
// retries and errors live in the client).
import { Facade } from '../../client/facade';
import type * as T from '../../client/types';

export class CloudAccountsApi extends Facade {
  list(): Promise<T.CloudAccount[]> {
    return this.host.call('cloud_account.list');
  }
  show(id: string): Promise<T.CloudAccount> {
    return this.host.call('cloud_account.show', { id });
  }
}
