// Kind behaviours by catalog kind (the table: lib/kinds/handler-hooks.ts); kinds without one use only
// the generic flows.
import type { KindBehaviour } from './behaviour';
import { HANDLER_HOOKS } from '../../kinds/handler-hooks';

export function behaviourOf(kind: string): KindBehaviour {
  return HANDLER_HOOKS[kind]?.() ?? {};
}

export type { KindBehaviour, ConvergeOptions } from './behaviour';
