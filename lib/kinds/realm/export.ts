// Export hook of realm entries: an exported object that names one writes it as a lookup (Realm.lookup by cloud provider and name).
import type { LookupExport } from '../../export/kind-export';

export const realmLookupExport: LookupExport = { kind: 'realm', className: 'Realm' };
