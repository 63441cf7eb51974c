// The route table: every catalog kind's operations and actions (catalog-driven), plus the extra
// endpoints the kind behaviours register (lib/kinds/emulator-hooks.ts: one behaviour per kind that
// has rules of its own).
import { KINDS } from '../catalog';
import type { KindBehaviour } from './behaviour';
import { registerKindRoutes } from './crud';
import type { Handler } from './exchange';
import { Router } from './router';
import { BEHAVIOURS } from '../kinds/emulator-hooks';

export { BEHAVIOURS };

export function buildRouter(behaviours: readonly KindBehaviour[] = BEHAVIOURS): Router<Handler> {
  const router = new Router<Handler>();
  const add = (method: string, template: string, handler: Handler): void => router.add(method, template, handler);
  for (const spec of KINDS) registerKindRoutes(spec, add);
  for (const behaviour of behaviours) behaviour.routes?.(add);
  return router;
}
