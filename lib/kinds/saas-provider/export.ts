// Export hook of saas_provider entries: an exported object that names one writes it as a lookup (SaasProvider.fromName).
import type { LookupExport } from '../../export/kind-export';

export const saasProviderLookupExport: LookupExport = { kind: 'saas_provider', className: 'SaasProvider' };
