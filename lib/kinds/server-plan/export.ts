// Export hook of server_plan entries: an exported object that names one writes it as a lookup (ServerPlan.lookup by cloud provider, name and location).
import type { LookupExport } from '../../export/kind-export';

export const serverPlanLookupExport: LookupExport = { kind: 'server_plan', className: 'ServerPlan', located: { kind: 'location', field: 'location_id' } };
