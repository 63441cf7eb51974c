// `imco-bridge events <construct path>`: the object's recent audit events, newest first (its kind's
// own `events` endpoint when the catalog has one, else the audit events that mention it).
import { AUDIT_EVENTS_OP, findEndpoint } from '../catalog';
import type { LiveObject } from './api';
import type { InvocationContext } from './invocation-context';
import { eventsAbout } from '../core/event-match';
import { BridgeError } from './errors';

export async function recentEvents(ctx: InvocationContext, limit: number): Promise<LiveObject[]> {
  const live = await ctx.resolver.find(ctx.spec.self);
  if (!live) throw new BridgeError(`${ctx.subject} does not exist in IMCO (not applied yet, or deleted)`);
  const ownEvents = `${ctx.kind.kind}.events`;
  if (findEndpoint(ownEvents)) return (await ctx.api.call<LiveObject[]>(ownEvents, { id: live.id })).slice(0, limit);
  const all = await ctx.api.call<LiveObject[]>(AUDIT_EVENTS_OP);
  return eventsAbout(all, live.id, live.name).slice(0, limit);
}
