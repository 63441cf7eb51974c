// Objects attached to a server through their kind's `attach`/`detach` actions (volumes, floating
// IPs): attach to the declared server (or none); detach before delete. Which states to wait out
// and reach comes from the actions' `from`/`steps` in the catalog.
import type { ActionSpec } from '../../catalog';
import type { LiveObject } from '../api';
import { type InvocationContext, waitForState } from '../invocation-context';
import type { KindBehaviour } from './behaviour';

function actionOf(ctx: InvocationContext, name: string): ActionSpec | undefined {
  return ctx.kind.actions?.find((a) => a.name === name);
}

/** Runs the attach or detach action and, when it goes through states, waits for the last one. */
async function runAttachAction(ctx: InvocationContext, obj: LiveObject, name: 'attach' | 'detach', body?: Record<string, unknown>): Promise<LiveObject | undefined> {
  await ctx.api.action(ctx.kind.kind, name, obj.id, body);
  const settled = actionOf(ctx, name)?.steps?.at(-1);
  return settled ? waitForState(ctx, ctx.kind.kind, obj.id, [settled], `${ctx.kind.title} to ${name}`) : undefined;
}

async function detach(ctx: InvocationContext, obj: LiveObject): Promise<LiveObject> {
  ctx.log(`detaching ${ctx.kind.title} from server ${String(obj.attached_server_id)}`);
  return (await runAttachAction(ctx, obj, 'detach')) ?? ctx.api.show(ctx.kind.kind, obj.id);
}

/** Kinds whose attach is accepted only in some states (volumes): wait until the object is settled. */
async function settle(ctx: InvocationContext, obj: LiveObject): Promise<LiveObject> {
  const lifecycle = ctx.kind.lifecycle;
  if (!actionOf(ctx, 'attach')?.from || !lifecycle) return obj;
  if ([...lifecycle.ready, ...lifecycle.failed].includes(String(obj.state))) return obj;
  return waitForState(ctx, ctx.kind.kind, obj.id, lifecycle.ready, `${ctx.kind.title} to settle`);
}

export const attachableBehaviour: KindBehaviour = {
  async converge(ctx, live) {
    const target = ctx.spec.extras.attachTo;
    const want = target ? (await ctx.resolver.require(target.$ref, ctx.subject)).id : null;
    let obj = await settle(ctx, live);
    const have = (obj.attached_server_id as string | null | undefined) || null;
    if (have === want) return;
    if (have) obj = await detach(ctx, obj);
    if (want) {
      ctx.log(`attaching ${ctx.kind.title} to server ${want}`);
      await runAttachAction(ctx, obj, 'attach', { attached_server_id: want });
    }
  },
  async beforeDelete(ctx, live) {
    const obj = await settle(ctx, live);
    return obj.attached_server_id ? detach(ctx, obj) : obj;
  },
};
