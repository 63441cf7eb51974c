// The private data of a state that a `moved` block from a provisioner flavour left without IMCO id
// (./move.ts): the object's reference and what its lifecycle resource knew. Pure and tiny, so that
// every ReadResource and PlanResourceChange can check for it without loading the move.
import type { ObjectRef } from '../../spec/spec';
import { encodeMarker, markerOf } from './private-marker';

export interface PendingMove {
  /** `terraform_data` or `null_resource`. */
  readonly from: string;
  readonly ref: ObjectRef;
  /** The endpoint the object was created against ('' when unknown). */
  readonly endpoint: string;
  /** Attribute values the lifecycle resource knew (secret versions, archive digest). */
  readonly known: Readonly<Record<string, string>>;
}

const KEY = 'imco_pending_move';

export function encodePendingMove(pending: PendingMove): Uint8Array {
  return encodeMarker(KEY, pending);
}

/** The pending move in a state's private data, if any. */
export function pendingMoveOf(priv: Uint8Array | undefined): PendingMove | undefined {
  return markerOf(KEY, priv) as PendingMove | undefined;
}
