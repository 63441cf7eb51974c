// Servers: declared power state; before delete, detach volumes and floating IPs and shut down.
import type { LiveObject } from '../../handlers/api';
import { type HandlerContext, waitForState } from '../../handlers/context';
import type { KindBehaviour } from '../../handlers/kinds/behaviour';
import { powerDownForDelete, reachPower } from '../../handlers/kinds/power';

async function detachAll(ctx: HandlerContext, server: LiveObject): Promise<void> {
  for (const kind of ['volume', 'floating_ip'] as const) {
    const attached = await ctx.api.request<LiveObject[]>('GET', `/cloud/servers/${server.id}/${kind === 'volume' ? 'volumes' : 'floating_ips'}`);
    for (const obj of attached) {
      ctx.log(`detaching ${kind.replace('_', ' ')} ${obj.id} before deleting the server`);
      await ctx.api.action(kind, 'detach', obj.id);
      if (kind === 'volume') await waitForState(ctx, kind, obj.id, ['available'], 'volume to detach');
    }
  }
}

export const serverBehaviour: KindBehaviour = {
  async converge(ctx, live) {
    const power = ctx.spec.extras.power ?? 'operational';
    await reachPower(ctx, live, power);
  },
  async beforeDelete(ctx, live) {
    await detachAll(ctx, live);
    return powerDownForDelete(ctx, live);
  },
};
