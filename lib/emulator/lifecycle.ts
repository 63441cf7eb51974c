// Lifecycle glue between the state machine, the kind behaviours and the audit log: what happens
// when an object changes state, when it leaves the platform, and which events are recorded.
import { kindSpec } from '../catalog';
import type { EventLevel } from './audit';
import type { EmulatorServices } from './services';
import { describe } from './render';
import type { StoredObject } from './store';

const WARNING_STATES = new Set(['decommissioning', 'deleting', 'shutting_down']);

function levelOf(kind: string, state: string): EventLevel {
  const failed = kindSpec(kind).lifecycle?.failed ?? [];
  if (failed.includes(state)) return 'error';
  return WARNING_STATES.has(state) ? 'warning' : 'info';
}

/** Records an event about an object (servers' events are also served per server). */
export function recordEvent(ctx: EmulatorServices, kind: string, obj: StoredObject, level: EventLevel, header: string, description: string): void {
  ctx.audit.record(level, header, description, { kind, id: obj.id });
}

/** State-machine hook: runs the kind's onState and records the change. */
export function stateChanged(ctx: EmulatorServices, kind: string, obj: StoredObject, previous: unknown, next: string): void {
  ctx.behaviour(kind)?.onState?.(ctx, obj, previous, next);
  const spec = kindSpec(kind);
  const from = typeof previous === 'string' && previous !== next ? ` (was ${previous})` : '';
  const reason = typeof obj.error_message === 'string' && obj.error_message !== '' && levelOf(kind, next) === 'error' ? `: ${obj.error_message}` : '';
  recordEvent(ctx, kind, obj, levelOf(kind, next), `${spec.title} ${next}`, `${describe(spec, obj)} is ${next}${from}${reason}`);
}

/** Runs the kind's clean-up and records that the object is gone; the caller removes it. */
export function leaving(ctx: EmulatorServices, kind: string, obj: StoredObject): void {
  ctx.behaviour(kind)?.onGone?.(ctx, obj);
  const spec = kindSpec(kind);
  recordEvent(ctx, kind, obj, 'info', `${spec.title} removed`, `${describe(spec, obj)} no longer exists`);
}

/** Removes an object at once (kinds without delete steps, discards, cascades). */
export function removeNow(ctx: EmulatorServices, kind: string, obj: StoredObject): void {
  ctx.machine.cancel(kind, obj.id);
  leaving(ctx, kind, obj);
  ctx.store.remove(kind, obj.id);
}
