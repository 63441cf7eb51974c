// Catalog entry of the read-only event kind (looked up by name, never created).
import { readOnlyKind } from '../../catalog/define';

export const eventKind = readOnlyKind('event', 'audit event', 'audit', '/audit/events', ['timestamp', 'level', 'header', 'description'], {
  itemPath: '/audit/events/{id}',
  endpoints: [{ name: 'system', method: 'GET', path: '/audit/system_events' }],
});
