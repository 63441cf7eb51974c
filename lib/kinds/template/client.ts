// The client's typed facade for template objects (one method per operation; transport,
// retries and errors live in the client).
import { Facade } from '../../client/facade';
import type * as T from '../../client/types';

export class TemplatesApi extends Facade {
  list(): Promise<T.Template[]> {
    return this.host.call('template.list');
  }
  show(id: string): Promise<T.Template> {
    return this.host.call('template.show', { id });
  }
  create(body: T.TemplateCreate): Promise<T.Template> {
    return this.host.call('template.create', {}, body);
  }
  update(id: string, body: T.TemplateUpdate): Promise<T.Template> {
    return this.host.call('template.update', { id }, body);
  }
  /** Starts a compilation: the template goes `compiling`, then `ready` or `compiling_error`. */
  compile(id: string): Promise<T.Template> {
    return this.host.call('template.compile', { id }, {});
  }
  remove(id: string): Promise<boolean> {
    return this.host.removeVia('template.delete', { id });
  }
  /** Servers built from the template. */
  servers(id: string): Promise<T.Server[]> {
    return this.host.call('template.servers', { id });
  }
}
