// Export hook of storage_plan entries: an exported object that names one writes it as a lookup (StoragePlan.lookup by cloud provider, name and location).
import type { LookupExport } from '../../export/kind-export';

export const storagePlanLookupExport: LookupExport = { kind: 'storage_plan', className: 'StoragePlan', located: { kind: 'location', field: 'location_id' } };
