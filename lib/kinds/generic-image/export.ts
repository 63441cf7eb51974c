// Export hook of generic_image entries: an exported object that names one writes it as a lookup (GenericImage.fromName).
import type { LookupExport } from '../../export/kind-export';

export const genericImageLookupExport: LookupExport = { kind: 'generic_image', className: 'GenericImage' };
