// The prune contract between the stack's prune resource (constructs) and `imco-bridge prune`:
// the declared objects of a stack, and the marker that carries the previous list from the old
// instance's destroy provisioner to the new instance's create provisioner within one apply.
import { createHash } from 'node:crypto';
import { deleteOrder } from '../catalog';
import type { ObjectRef } from './spec';

export interface DeclaredObject {
  readonly kind: string;
  readonly path: string;
  readonly self: ObjectRef;
}

/** Identity key of a declared object (same object ⇔ same key). */
export function declaredKey(o: DeclaredObject): string {
  return JSON.stringify([o.kind, o.self.owner ?? null, o.self.natural ?? null, o.self.parent ?? null, o.self.id ?? null]);
}

/** Marker file name for a stack on an endpoint. */
export function pruneMarkerName(stack: string, endpoint: string): string {
  return `prune-${createHash('sha256').update(`${stack}\n${endpoint.replace(/\/+$/, '')}`).digest('hex').slice(0, 24)}.json`;
}

/** Declared objects that are gone from the new list, in deletion order. */
export function removedObjects(previous: readonly DeclaredObject[], current: readonly DeclaredObject[]): DeclaredObject[] {
  const keep = new Set(current.map(declaredKey));
  const order = deleteOrder();
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  return previous.filter((o) => !keep.has(declaredKey(o))).sort((a, b) => rank(a.kind) - rank(b.kind) || a.path.localeCompare(b.path));
}
