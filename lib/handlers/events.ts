// `imco-bridge events <construct path>`: the object's recent audit events, newest first.
import type { LiveObject } from './api';
import type { InvocationContext } from './invocation-context';
import { eventsAbout } from '../core/event-match';
import { BridgeError } from './errors';

export async function recentEvents(ctx: InvocationContext, limit: number): Promise<LiveObject[]> {
  const live = await ctx.resolver.find(ctx.spec.self);
  if (!live) throw new BridgeError(`${ctx.subject} does not exist in IMCO (not applied yet, or deleted)`);
  if (ctx.kind.kind === 'server') {
    return (await ctx.api.request<LiveObject[]>('GET', `/cloud/servers/${live.id}/events`)).slice(0, limit);
  }
  const all = await ctx.api.request<LiveObject[]>('GET', '/audit/events');
  return eventsAbout(all, live.id, live.name).slice(0, limit);
}
