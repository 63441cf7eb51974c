// Catalog entry of the read-only storage_plan kind (looked up by name, never created).
import { readOnlyKind } from '../../catalog/define';

export const storagePlanKind = readOnlyKind('storage_plan', 'storage plan', 'storage', '/cloud/cloud_providers/{cloud_provider_id}/storage_plans',
  ['name', 'min_size', 'max_size', 'cloud_provider_id', 'location_id', 'realm_id', 'realm_provider_name',
    'flavour_provider_name', 'deprecated'], {
    itemPath: '/storage/plans/{id}',
    parent: { kind: 'cloud_provider', param: 'cloud_provider_id', field: 'cloud_provider_id' },
  });
