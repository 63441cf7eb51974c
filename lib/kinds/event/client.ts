// The client's typed facade for event objects (one method per operation; transport,
// retries and errors live in the client).
import { Facade } from '../../client/facade';
import type * as T from '../../client/types';

export class EventsApi extends Facade {
  /** The customer's audit events, newest first. */
  list(): Promise<T.AuditEvent[]> {
    return this.host.call('event.list');
  }
  show(id: string): Promise<T.AuditEvent> {
    return this.host.call('event.show', { id });
  }
  /** System-wide events, newest first. */
  system(): Promise<T.AuditEvent[]> {
    return this.host.call('event.system');
  }
}
