// `imco-bridge import <construct path> <imco id>`: adopts an existing IMCO object for a construct
// by attaching the construct's ownership label to it.
import { assignLabel, unassignLabel } from '../kinds/label/assignment';
import type { LiveObject } from './api';
import type { InvocationContext } from './invocation-context';
import { BridgeError } from './errors';
import { foreignOwners, ownerLabelsOn } from './name-taken';
import { describeIdentity, describeOwner } from './ownership';

export async function runImport(ctx: InvocationContext, id: string): Promise<LiveObject> {
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
  const owned = await resolver.find(spec.self, { legacy: false });
  if (owned && owned.id === id) {
    ctx.log(`${kind.title} ${id} already belongs to ${spec.path}; nothing to do`);
    return live;
  }
  if (owned) {
    throw new BridgeError(`${spec.path} already owns ${kind.title} ${owned.id}; importing ${id} too would create a duplicate. Delete or unlabel ${owned.id} first`);
  }
  // Ownership moves to this construct: labels of other paths of this stack instance (and this
  // stack's labels of earlier versions) go; another stack's ownership is never taken silently.
  const owners = ownerLabelsOn(live, await resolver.allLabels());
  const foreign = foreignOwners(ctx, owners);
  if (foreign.length > 0) {
    throw new BridgeError(
      `${kind.title} ${id} is managed by ${describeOwner(foreign[0])}, not by ${describeIdentity(resolver.identity)}; remove it from that stack first, or unassign that label in IMCO`,
    );
  }
  const label = await resolver.ensureOwnerLabel(resolver.labelOf(spec.self)!);
  await assignLabel(api, label.id, kind.resourceType, id);
  for (const old of owners.filter((l) => l.id !== label.id)) {
    await unassignLabel(api, old.id, kind.resourceType, id);
    ctx.log(`removed the previous ownership label '${String(old.name)}'`);
  }
  ctx.log(`imported ${kind.title} ${id} into ${spec.path}; the next 'terraform apply' converges it to the declared spec`);
  return live;
}

function describeKey(ctx: InvocationContext): string {
  const n = ctx.spec.self.natural;
  return n ? Object.keys(n).join(', ') : 'its parent';
}
