// Catalog entry of the read-only cloud_account kind (looked up by name, never created).
import { readOnlyKind } from '../../catalog/define';

export const cloudAccountKind = readOnlyKind('cloud_account', 'cloud account', 'settings', '/settings/cloud_accounts',
  ['name', 'cloud_provider_id', 'last_discovered_at', 'last_discovery_failed_at', 'supports_importing',
    'supports_importing_vpcs', 'supports_importing_floating_ips', 'supports_importing_volumes'],
  { itemPath: '/settings/cloud_accounts/{id}' });
