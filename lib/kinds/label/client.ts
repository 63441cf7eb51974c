// The client's typed facade for label objects (one method per operation; transport,
// retries and errors live in the client).
import { Facade } from '../../client/facade';
import type * as T from '../../client/types';

export class LabelsApi extends Facade {
  list(): Promise<T.Label[]> {
    return this.host.call('label.list');
  }
  show(id: string): Promise<T.Label> {
    return this.host.call('label.show', { id });
  }
  create(body: T.LabelCreate): Promise<T.Label> {
    return this.host.call('label.create', {}, body);
  }
  /** Assigns the label to resources; IMCO answers with the labelled resources. */
  assign(labelId: string, resources: readonly T.LabeledResource[]): Promise<T.LabeledResource[]> {
    return this.host.call('label.assign', { label_id: labelId }, { resources });
  }
  unassign(labelId: string, resourceType: string, resourceId: string): Promise<boolean> {
    return this.host.removeVia('label.unassign', { label_id: labelId, resource_type: resourceType, resource_id: resourceId });
  }
}
