// The client's typed facade for storage plan objects (one method per operation; transport,
// retries and errors live in the client).
import { Facade } from '../../client/facade';
import type * as T from '../../client/types';

export class StoragePlansApi extends Facade {
  list(cloudProviderId: string): Promise<T.StoragePlan[]> {
    return this.host.call('storage_plan.list', { cloud_provider_id: cloudProviderId });
  }
  show(id: string): Promise<T.StoragePlan> {
    return this.host.call('storage_plan.show', { id });
  }
}
