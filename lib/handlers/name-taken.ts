// The error of a create whose name another object already has without this construct's label. It
// names who owns that object, and suggests `imco-bridge import` only where import would take it
// (never for another stack instance's object, which import refuses).
import { OWNER_NAMESPACE } from '../spec/spec';
import type { LiveObject } from './api';
import type { InvocationContext } from './invocation-context';
import { BridgeError } from './errors';
import { describeIdentity, describeOwner, relationOf } from './ownership';

/** Ownership labels (of any stack) that `obj` carries. */
export function ownerLabelsOn(obj: LiveObject, labels: readonly LiveObject[]): LiveObject[] {
  const carried = new Set((obj.label_ids as string[] | undefined) ?? []);
  return labels.filter((l) => carried.has(l.id) && l.namespace === OWNER_NAMESPACE);
}

/** The labels among `owners` that belong to another stack, which `imco-bridge import` refuses to take. */
export function foreignOwners(ctx: InvocationContext, owners: readonly LiveObject[]): LiveObject[] {
  return owners.filter((l) => ['other-instance', 'legacy-other-stack'].includes(relationOf(ctx.resolver.identity, l)));
}

export function nameTakenError(ctx: InvocationContext, name: string, twin: LiveObject, labels: readonly LiveObject[]): BridgeError {
  const { kind, spec } = ctx;
  const head = `a ${kind.title} named '${name}' already exists in IMCO (id ${twin.id})`;
  const importIt = `'imco-bridge import ${spec.path} ${twin.id}'`;
  const owners = ownerLabelsOn(twin, labels);
  const foreign = foreignOwners(ctx, owners)[0];
  if (foreign) {
    return new BridgeError(
      `${head} and belongs to ${describeOwner(foreign)}; ${spec.path} of ${describeIdentity(ctx.resolver.identity)} ` +
        `never takes over another stack's object. Give it another name, or remove the object from that stack first`,
    );
  }
  const ours = owners[0];
  if (ours && relationOf(ctx.resolver.identity, ours) === 'this-instance') {
    return new BridgeError(`${head} and belongs to another construct of this stack (${describeOwner(ours)}); move it to ${spec.path} with ${importIt}, or choose another name`);
  }
  if (ours) {
    return new BridgeError(`${head} and carries ${describeOwner(ours)}; if it is this stack's, adopt it with ${importIt}, otherwise choose another name`);
  }
  return new BridgeError(
    `${head} without the ownership label of ${spec.path}; it is not adopted silently. Adopt it with ${importIt}, or choose another name`,
  );
}
