// Catalog entry of the read-only server_plan kind (looked up by name, never created).
import { readOnlyKind } from '../../catalog/define';

export const serverPlanKind = readOnlyKind('server_plan', 'server plan', 'cloud', '/cloud/cloud_providers/{cloud_provider_id}/server_plans',
  ['name', 'memory', 'cpus', 'storage', 'location_id', 'cloud_provider_id'], {
    itemPath: '/cloud/server_plans/{id}',
    parent: { kind: 'cloud_provider', param: 'cloud_provider_id', field: 'cloud_provider_id' },
  });
