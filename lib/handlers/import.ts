// `imco-bridge import <construct path> <imco id>`: adopts an existing IMCO object for a construct
// by attaching the construct's ownership label to it.
import { OWNER_NAMESPACE } from '../bridge/spec';
import type { LiveObject } from './api';
import type { HandlerContext } from './context';
import { BridgeError } from './errors';

export async function runImport(ctx: HandlerContext, id: string): Promise<LiveObject> {
  const { spec, kind, resolver, api } = ctx;
  if (!kind.labelable || !spec.self.owner) {
    throw new BridgeError(
      `${kind.title}s are not labelable in IMCO; they are identified by their natural key (${describeKey(ctx)}) and are adopted automatically on apply`,
    );
  }
  let live: LiveObject;
  try {
    live = await api.show(kind.kind, id);
  } catch (err) {
    if ((err as { status?: number }).status === 404) throw new BridgeError(`no ${kind.title} with id ${id} in IMCO: check the id ('cio' or the IMCO console list them)`);
    throw err;
  }
  const owned = await resolver.find(spec.self);
  if (owned && owned.id === id) {
    ctx.log(`${kind.title} ${id} already belongs to ${spec.path}; nothing to do`);
    return live;
  }
  if (owned) {
    throw new BridgeError(`${spec.path} already owns ${kind.title} ${owned.id}; importing ${id} too would create a duplicate. Delete or unlabel ${owned.id} first`);
  }
  // Ownership moves to this construct: labels of other paths of this stack go; another stack's
  // ownership is never taken silently.
  const carried = new Set((live.label_ids as string[] | undefined) ?? []);
  const owners = (await resolver.allLabels()).filter((l) => carried.has(l.id) && l.namespace === OWNER_NAMESPACE);
  const foreign = owners.filter((l) => !String(l.name).startsWith(`${spec.stack}.`));
  if (foreign.length > 0) {
    throw new BridgeError(
      `${kind.title} ${id} is managed by another stack (ownership label '${String(foreign[0].name)}'); remove it from that stack first, or unassign that label in IMCO`,
    );
  }
  const label = await resolver.ensureOwnerLabel(spec.self.owner);
  await api.request('POST', `/labels/${label.id}/resources`, { resources: [{ id, resource_type: kind.resourceType }] });
  for (const old of owners.filter((l) => l.id !== label.id)) {
    await api.request('DELETE', `/labels/${old.id}/resources/${kind.resourceType}/${id}`);
    ctx.log(`removed the previous ownership label '${String(old.name)}'`);
  }
  ctx.log(`imported ${kind.title} ${id} into ${spec.path}; the next 'terraform apply' converges it to the declared spec`);
  return live;
}

function describeKey(ctx: HandlerContext): string {
  const n = ctx.spec.self.natural;
  return n ? Object.keys(n).join(', ') : 'its parent';
}
