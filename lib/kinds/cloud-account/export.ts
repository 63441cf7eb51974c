// Export hook of cloud_account entries: an exported object that names one writes it as a lookup (CloudAccount.fromName).
import type { LookupExport } from '../../export/kind-export';

export const cloudAccountLookupExport: LookupExport = { kind: 'cloud_account', className: 'CloudAccount' };
