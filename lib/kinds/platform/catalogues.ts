// Read-only catalogues and platform endpoints that are not plain catalog operations: ping, audit
// events (newest first) and system events, and the wizard's cloud provider and cloud account lists
// (their app_id/location_id query parameters are accepted and ignored).
import type { KindBehaviour } from '../../emulator/behaviour';
import { ok } from '../../emulator/exchange';
import { renderKind } from '../../emulator/render';

export const events: KindBehaviour = {
  kind: 'event',
  list(ctx) {
    return ctx.audit.events();
  },
};

export const platform: KindBehaviour = {
  kind: 'platform',
  routes(add) {
    add('GET', '/ping', () => ok({}));
    add('GET', '/audit/system_events', (ctx) => ok(ctx.audit.systemEvents().map((e) => renderKind(ctx, 'event', e, 'list'))));
    add('GET', '/wizard/cloud_providers', (ctx) => ok(ctx.store.list('cloud_provider').map((p) => renderKind(ctx, 'cloud_provider', p, 'list'))));
    add('GET', '/wizard/cloud_accounts', (ctx) => ok(ctx.store.list('cloud_account').map((a) => renderKind(ctx, 'cloud_account', a, 'list'))));
  },
};
