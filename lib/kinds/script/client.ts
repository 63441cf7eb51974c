// The client's typed facade for script objects (one method per operation; transport,
// retries and errors live in the client).
import { Facade, type FacadeHost } from '../../client/facade';
import type * as T from '../../client/types';
import { ScriptAttachmentsApi } from '../attachment/client';

export class ScriptsApi extends Facade {
  /** Files attached to scripts. */
  readonly attachments: ScriptAttachmentsApi;
  constructor(host: FacadeHost) {
    super(host);
    this.attachments = new ScriptAttachmentsApi(host);
  }
  list(): Promise<T.Script[]> {
    return this.host.call('script.list');
  }
  show(id: string): Promise<T.Script> {
    return this.host.call('script.show', { id });
  }
  create(body: T.ScriptCreate): Promise<T.Script> {
    return this.host.call('script.create', {}, body);
  }
  update(id: string, body: T.ScriptUpdate): Promise<T.Script> {
    return this.host.call('script.update', { id }, body);
  }
  remove(id: string): Promise<boolean> {
    return this.host.removeVia('script.delete', { id });
  }
}
