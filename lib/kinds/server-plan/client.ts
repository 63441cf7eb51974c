// The client's typed facade for server plan objects (one method per operation; transport,
// retries and errors live in the client).
import { Facade } from '../../client/facade';
import type * as T from '../../client/types';

export class ServerPlansApi extends Facade {
  list(cloudProviderId: string): Promise<T.ServerPlan[]> {
    return this.host.call('server_plan.list', { cloud_provider_id: cloudProviderId });
  }
  show(id: string): Promise<T.ServerPlan> {
    return this.host.call('server_plan.show', { id });
  }
}
