// Catalog entry of the read-only cloud_provider kind (looked up by name, never created).
import { readOnlyKind } from '../../catalog/define';

export const cloudProviderKind = readOnlyKind('cloud_provider', 'cloud provider', 'cloud', '/cloud/cloud_providers', ['name', 'disambiguation', 'required_credentials']);
