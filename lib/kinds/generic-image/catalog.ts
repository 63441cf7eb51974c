// Catalog entry of the read-only generic_image kind (looked up by name, never created).
import { readOnlyKind } from '../../catalog/define';

export const genericImageKind = readOnlyKind('generic_image', 'generic image', 'cloud', '/cloud/generic_images', ['name']);
