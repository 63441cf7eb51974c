// Catalog entry of the read-only realm kind (looked up by name, never created).
import { readOnlyKind } from '../../catalog/define';

export const realmKind = readOnlyKind('realm', 'realm', 'cloud', '/cloud/cloud_providers/{cloud_provider_id}/realms',
  ['name', 'location_id', 'cloud_provider_id', 'provider_name', 'deprecated'], {
    itemPath: '/cloud/realms/{id}',
    parent: { kind: 'cloud_provider', param: 'cloud_provider_id', field: 'cloud_provider_id' },
  });
