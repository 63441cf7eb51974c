// The client's typed facade for template script objects (one method per operation; transport,
// retries and errors live in the client).
import { Facade } from '../../client/facade';
import type * as T from '../../client/types';

export class TemplateScriptsApi extends Facade {
  /** Template scripts of one type (the CLI always passes `type`). */
  list(templateId: string, type?: T.TemplateScriptType): Promise<T.TemplateScript[]> {
    return this.host.call('template_script.list', { template_id: templateId }, undefined, { type });
  }
  show(templateId: string, id: string): Promise<T.TemplateScript> {
    return this.host.call('template_script.show', { template_id: templateId, id });
  }
  /** Appends a script to the template's list of that type. */
  create(templateId: string, body: T.TemplateScriptCreate): Promise<T.TemplateScript> {
    return this.host.call('template_script.create', { template_id: templateId }, body);
  }
  update(templateId: string, id: string, body: T.TemplateScriptUpdate): Promise<T.TemplateScript> {
    return this.host.call('template_script.update', { template_id: templateId, id }, body);
  }
  remove(templateId: string, id: string): Promise<boolean> {
    return this.host.removeVia('template_script.delete', { template_id: templateId, id });
  }
  /** Sets the execution order: `ids` must list every template script of that type, in the new order. */
  reorder(templateId: string, type: T.TemplateScriptType, ids: readonly string[]): Promise<T.TemplateScript[]> {
    return this.host.call('template_script.reorder', { template_id: templateId }, { type, script_ids: ids });
  }
}
