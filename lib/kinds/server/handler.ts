// Servers: declared power state; before delete, detach what is attached (volumes, floating IPs)
// and shut down; one-off actions (reboot, execute an operational script).
import { KINDS, type KindSpec } from '../../catalog';
import { isRef, type BridgeSpec } from '../../spec/spec';
import type { LiveObject } from '../../handlers/api';
import { type InvocationContext, waitForState } from '../../handlers/invocation-context';
import { BridgeError } from '../../handlers/errors';
import type { KindBehaviour } from '../../handlers/kinds/behaviour';
import { powerDownForDelete, reachPower } from '../../handlers/kinds/power';

/** Kinds attached to a server through an `attach`/`detach` action pair (volumes, floating IPs). */
function attachableKinds(): KindSpec[] {
  return KINDS.filter((k) => k.actions?.some((a) => a.name === 'attach') && k.actions.some((a) => a.name === 'detach'));
}

/** The server operation listing the attached objects of `kind` (`server.volumes`): its collection's last segment. */
function attachedListOp(server: KindSpec, kind: KindSpec): string {
  return `${server.kind}.${kind.collectionPath.split('/').pop()}`;
}

async function detachAll(ctx: InvocationContext, server: LiveObject): Promise<void> {
  for (const kind of attachableKinds()) {
    const attached = await ctx.api.call<LiveObject[]>(attachedListOp(ctx.kind, kind), { id: server.id });
    const detach = kind.actions!.find((a) => a.name === 'detach')!;
    const settled = detach.steps?.at(-1);
    for (const obj of attached) {
      ctx.log(`detaching ${kind.title} ${obj.id} before deleting the server`);
      await ctx.api.action(kind.kind, 'detach', obj.id);
      if (settled) await waitForState(ctx, kind.kind, obj.id, [settled], `${kind.title} to detach`);
    }
  }
}

async function runAction(ctx: InvocationContext, action: NonNullable<BridgeSpec['action']>): Promise<void> {
  const kind = ctx.kind.kind;
  const server = await ctx.resolver.require(ctx.spec.self, 'this action');
  if (action.name === 'reboot') {
    if (server.state !== 'operational') {
      ctx.log(`skipping reboot: the server is ${String(server.state)}, not operational`);
      return;
    }
    ctx.log('rebooting server');
    await ctx.api.action(kind, 'reboot', server.id, { id: server.id });
    await waitForState(ctx, kind, server.id, ['operational'], 'server to come back operational');
    return;
  }
  if (!isRef(action.script)) throw new BridgeError(`${ctx.subject}: the execute action names no script; re-synthesize`);
  const script = await ctx.resolver.require(action.script.$ref, ctx.subject);
  const scripts = await ctx.api.call<LiveObject[]>(`${kind}.operational_scripts`, { id: server.id });
  const target = scripts.find((s) => s.script_id === script.id);
  if (!target) {
    throw new BridgeError(
      `${ctx.subject}: script ${script.id} is not an operational script of the server's template; add it to the template's operationalScripts`,
    );
  }
  ctx.log(`executing operational script ${script.id}`);
  const event = await ctx.api.call<LiveObject>(`${kind}.execute_script`, { id: server.id, script_id: target.id }, {});
  ctx.log(`execution requested: ${String(event.header ?? event.id)}`);
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
  runAction,
};
