// Catalog entry of the read-only location kind (looked up by name, never created).
import { readOnlyKind } from '../../catalog/define';

export const locationKind = readOnlyKind('location', 'location', 'wizard', '/wizard/locations', ['name']);
