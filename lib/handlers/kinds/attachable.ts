// Volumes and floating IPs: attach to the declared server (or none); detach before delete.
import type { LiveObject } from '../api';
import { type HandlerContext, waitForState } from '../context';
import type { KindBehaviour } from './behaviour';

async function detach(ctx: HandlerContext, obj: LiveObject): Promise<LiveObject> {
  ctx.log(`detaching ${ctx.kind.title} from server ${String(obj.attached_server_id)}`);
  await ctx.api.action(ctx.kind.kind, 'detach', obj.id);
  if (ctx.kind.kind === 'volume') return waitForState(ctx, 'volume', obj.id, ['available'], 'volume to detach');
  return ctx.api.show(ctx.kind.kind, obj.id);
}

async function settleVolume(ctx: HandlerContext, obj: LiveObject): Promise<LiveObject> {
  if (ctx.kind.kind !== 'volume' || ['available', 'attached', 'error'].includes(String(obj.state))) return obj;
  return waitForState(ctx, 'volume', obj.id, ['available', 'attached'], 'volume to settle');
}

export const attachableBehaviour: KindBehaviour = {
  async converge(ctx, live) {
    const target = ctx.spec.extras.attachTo;
    const want = target ? (await ctx.resolver.require(target.$ref, ctx.subject)).id : null;
    let obj = await settleVolume(ctx, live);
    const have = (obj.attached_server_id as string | null | undefined) || null;
    if (have === want) return;
    if (have) obj = await detach(ctx, obj);
    if (want) {
      ctx.log(`attaching ${ctx.kind.title} to server ${want}`);
      await ctx.api.action(ctx.kind.kind, 'attach', obj.id, { attached_server_id: want });
      if (ctx.kind.kind === 'volume') await waitForState(ctx, 'volume', obj.id, ['attached'], 'volume to attach');
    }
  },
  async beforeDelete(ctx, live) {
    const obj = await settleVolume(ctx, live);
    return obj.attached_server_id ? detach(ctx, obj) : obj;
  },
};
