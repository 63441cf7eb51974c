// Catalog entry of the read-only saas_provider kind (looked up by name, never created).
import { readOnlyKind } from '../../catalog/define';

export const saasProviderKind = readOnlyKind('saas_provider', 'SaaS provider', 'cloud', '/cloud/saas_providers', ['name', 'required_account_data']);
