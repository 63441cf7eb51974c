// Power state of servers and server arrays: boot or shut down to reach the declared state, waiting
// out transitions first. Shared by both kinds because IMCO gives them the same state machine.
import type { LiveObject } from '../api';
import { type InvocationContext, waitForState } from '../invocation-context';
import { BridgeError } from '../errors';

/** Settled states of the kind's lifecycle: usable or failed. */
function settledStates(ctx: InvocationContext): string[] {
  const lifecycle = ctx.kind.lifecycle;
  return lifecycle ? [...lifecycle.ready, ...lifecycle.failed] : [];
}

/** Waits until the object is out of a transitional state. */
export async function settle(ctx: InvocationContext, live: LiveObject): Promise<LiveObject> {
  const settled = settledStates(ctx);
  if (settled.includes(String(live.state))) return live;
  return waitForState(ctx, ctx.kind.kind, live.id, settled, `${ctx.kind.title} to settle`);
}

/** Boots or shuts down until the object is `power` (operational or inactive). */
export async function reachPower(ctx: InvocationContext, live: LiveObject, power: 'operational' | 'inactive'): Promise<LiveObject> {
  let obj = await settle(ctx, live);
  const kind = ctx.kind.kind;
  if (obj.state === power) return obj;
  if (obj.state === 'commission_stalled') {
    throw new BridgeError(`${ctx.subject} is commission_stalled: IMCO could not commission it; check 'imco-bridge events ${ctx.spec.path}', then delete and apply again`);
  }
  if (power === 'operational') {
    if (obj.state === 'stalled') {
      throw new BridgeError(`${ctx.subject} is stalled: its bootstrapping failed; check 'imco-bridge events ${ctx.spec.path}', fix the template, and shut it down or override it in IMCO`);
    }
    ctx.log(`booting ${ctx.kind.title}`);
    await ctx.api.action(kind, 'boot', obj.id, { id: obj.id });
    obj = await waitForState(ctx, kind, obj.id, ['operational'], `${ctx.kind.title} to become operational`);
  } else {
    ctx.log(`shutting down ${ctx.kind.title}`);
    await ctx.api.action(kind, 'shutdown', obj.id, { id: obj.id });
    obj = await waitForState(ctx, kind, obj.id, ['inactive'], `${ctx.kind.title} to become inactive`);
  }
  return obj;
}

/** Before a delete: shut down anything that is running. */
export async function powerDownForDelete(ctx: InvocationContext, live: LiveObject): Promise<LiveObject> {
  const obj = await settle(ctx, live);
  const shutdownFrom = ctx.kind.actions?.find((a) => a.name === 'shutdown')?.from ?? [];
  if (shutdownFrom.includes(String(obj.state))) {
    ctx.log(`shutting down ${ctx.kind.title} before deleting it`);
    await ctx.api.action(ctx.kind.kind, 'shutdown', obj.id, { id: obj.id });
    return waitForState(ctx, ctx.kind.kind, obj.id, ['inactive'], `${ctx.kind.title} to become inactive`);
  }
  return obj;
}
