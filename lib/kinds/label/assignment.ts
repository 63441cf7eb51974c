// Assigning a label to an object and taking it off, through the catalog's `label.assign` (a POST
// the client may safely repeat) and `label.unassign` operations.
import type { BridgeApi } from '../../handlers/api';

/** Assigns label `labelId` to the object `id` of IMCO resource type `resourceType`. */
export async function assignLabel(api: BridgeApi, labelId: string, resourceType: string, id: string): Promise<void> {
  await api.call('label.assign', { label_id: labelId }, { resources: [{ id, resource_type: resourceType }] });
}

/** Takes label `labelId` off the object `id` of IMCO resource type `resourceType`. */
export async function unassignLabel(api: BridgeApi, labelId: string, resourceType: string, id: string): Promise<void> {
  await api.call('label.unassign', { label_id: labelId, resource_type: resourceType, resource_id: id });
}
