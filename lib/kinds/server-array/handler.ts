// Server arrays: grow with enlarge, empty in place for `size: 0` (v2 cannot shrink an array except
// by emptying it; another smaller size is refused with the -replace command that rebuilds it), reach
// the declared power state; before delete, shut down and empty.
import type { LiveObject } from '../../handlers/api';
import { actionOnce, type InvocationContext } from '../../handlers/invocation-context';
import { BridgeError } from '../../handlers/errors';
import { lifecycleAddressOf } from '../../handlers/resource-address';
import type { KindBehaviour } from '../../handlers/kinds/behaviour';
import { powerDownForDelete, reachPower, settle } from '../../handlers/kinds/power';

async function waitForSize(ctx: InvocationContext, id: string, size: number): Promise<LiveObject> {
  let delay = 100;
  for (;;) {
    const obj = await ctx.api.show('server_array', id);
    if (Number(obj.size) === size) return obj;
    if (Date.now() + delay > ctx.deadline) {
      throw new BridgeError(`${ctx.subject} did not reach size ${size} in time (size ${String(obj.size)}); check 'imco-bridge events ${ctx.spec.path}'`);
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 2000);
  }
}

/** Shuts the members down and decommissions them all (the `empty` action); the array itself stays. */
async function emptyArray(ctx: InvocationContext, live: LiveObject, why: string): Promise<LiveObject> {
  let obj = await powerDownForDelete(ctx, live);
  if (Number(obj.size ?? 0) > 0) {
    ctx.log(`emptying ${ctx.kind.title} (${String(obj.size)} servers) ${why}`);
    await ctx.api.action('server_array', 'empty', obj.id, { id: obj.id });
    obj = await waitForSize(ctx, obj.id, 0);
  }
  return obj;
}

export const serverArrayBehaviour: KindBehaviour = {
  async converge(ctx, live) {
    const want = ctx.spec.extras.size ?? 0;
    let obj = await settle(ctx, live);
    const have = Number(obj.size ?? 0);
    if (want === 0 && have > 0) {
      obj = await emptyArray(ctx, obj, 'as size 0 asks');
    } else if (want < have) {
      throw new BridgeError(
        `${ctx.subject} has ${have} servers and cannot shrink to ${want}: IMCO API v2 can only enlarge an array or empty it (size 0). ` +
          `Set size back to ${have}, or to 0 to empty it, or rebuild it with ${want} servers: terraform apply -replace='${lifecycleAddressOf(ctx.spec)}'`,
      );
    }
    if (want > have) {
      ctx.log(`enlarging ${ctx.kind.title} from ${have} to ${want} servers`);
      await actionOnce(ctx, 'server_array', 'enlarge', obj.id, { size: want - have }, (o) => Number(o.size) > have);
      obj = await waitForSize(ctx, obj.id, want);
    }
    obj = await settle(ctx, await ctx.api.show('server_array', obj.id));
    if (want > 0 || obj.state !== 'inactive') await reachPower(ctx, obj, ctx.spec.extras.power ?? 'operational');
  },
  async beforeDelete(ctx, live) {
    return emptyArray(ctx, live, 'before deleting it');
  },
};
