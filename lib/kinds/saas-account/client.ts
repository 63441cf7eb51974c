// The client's typed facade for saas account objects (one method per operation; transport,
// retries and errors live in the client).
import { Facade } from '../../client/facade';
import type * as T from '../../client/types';

/** SaaS accounts: `account_data` is write-only (never returned, never logged). No show in v2. */
export class SaasAccountsApi extends Facade {
  list(): Promise<T.SaasAccount[]> {
    return this.host.call('saas_account.list');
  }
  create(body: T.SaasAccountCreate): Promise<T.SaasAccount> {
    return this.host.call('saas_account.create', {}, body);
  }
  update(id: string, body: T.SaasAccountUpdate): Promise<T.SaasAccount> {
    return this.host.call('saas_account.update', { id }, body);
  }
  remove(id: string): Promise<boolean> {
    return this.host.removeVia('saas_account.delete', { id });
  }
}
