// Cross-object identity checks of the constructs layer: two objects of one kind in a stack that IMCO
// would see as one (same ownership label, same natural key in the same parent), and two labelable
// objects of one kind with the same name (imco-bridge refuses the second create).
import { kindSpec, type KindSpec } from '../catalog';
import type { BridgeSpec, ObjectRef } from '../spec/spec';

/** What the checks read of an encoded IMCO object. */
export interface EncodedIdentity {
  readonly kind: string;
  readonly catalog: KindSpec;
  readonly objectPath: string;
  readonly ownerKey?: string;
  readonly ref: ObjectRef;
  readonly spec: BridgeSpec;
  describe(): string;
}

/** Problems of `me` against the objects declared before it in its stack (reported on the later object). */
export function identityProblems(me: EncodedIdentity, earlier: readonly EncodedIdentity[]): string[] {
  const found: string[] = [];
  const mine = identityKey(me.ref);
  const myName = me.catalog.nameField ? me.spec.fields[me.catalog.nameField] : undefined;
  for (const other of earlier) {
    if (other.kind === me.kind && identityKey(other.ref) === mine) {
      found.push(
        me.ownerKey
          ? `its ownership label '${me.ownerKey}' is also the label of '${other.objectPath}'; the two would be the same IMCO object — rename one of the constructs`
          : `it has the same identity as '${other.objectPath}' (${describeIdentity(me.ref)}); IMCO would see one object — remove or change one of them`,
      );
    }
    if (me.catalog.labelable && typeof myName === 'string' && other.kind === me.kind && other.spec.fields[me.catalog.nameField as string] === myName) {
      found.push(
        `its name '${myName}' is also the name of ${other.describe()}; imco-bridge refuses to create a ${me.catalog.title} whose name another one already has — give each a unique name`,
      );
    }
  }
  return found;
}

/** A ref without its path: what identifies the object in IMCO. */
function identityKey(ref: ObjectRef): string {
  const strip = (r: ObjectRef): unknown => ({ kind: r.kind, owner: r.owner, natural: r.natural, id: r.id, parent: r.parent ? strip(r.parent) : undefined });
  return JSON.stringify(strip(ref));
}

function describeIdentity(ref: ObjectRef): string {
  const parts: string[] = [];
  if (ref.parent?.path) parts.push(`in '${ref.parent.path}'`);
  if (ref.natural) parts.push(Object.entries(ref.natural).map(([k, v]) => `${k} ${v}`).join(', '));
  if (!ref.natural && !ref.owner) parts.push(`the one ${kindSpec(ref.kind).title} of its parent`);
  return parts.join(', ');
}
