// The client's typed facade for platform objects (one method per operation; transport,
// retries and errors live in the client).
import { Facade } from '../../client/facade';
import type * as T from '../../client/types';

/** Wizard lookups; `app_id` / `location_id` are accepted as the CLI sends them. */
export interface WizardQuery {
  readonly app_id?: string;
  readonly location_id?: string;
  readonly cloud_provider_id?: string;
}

export class WizardApi extends Facade {
  cloudProviders(query: WizardQuery = {}): Promise<T.CloudProvider[]> {
    return this.host.call('wizard.cloud_providers', {}, undefined, { ...query });
  }
  cloudAccounts(query: WizardQuery = {}): Promise<T.CloudAccount[]> {
    return this.host.call('wizard.cloud_accounts', {}, undefined, { ...query });
  }
}
