// What a kind adds to the generic create / converge / delete flows.
import type { LiveObject } from '../api';
import type { InvocationContext } from '../invocation-context';
import type { BridgeSpec } from '../../spec/spec';

export interface ConvergeOptions {
  /** The object was created by this invocation: its create body already had every field. */
  readonly fresh: boolean;
  /** Send secret fields (the caller cannot compare them: IMCO never returns secrets). */
  readonly withSecrets: boolean;
  /** The fields this invocation just PUT (an update of an existing object). */
  readonly updated?: readonly string[];
}

export interface KindBehaviour {
  /** Right after the POST (and after an adoption): finish what creation needs (uploads, processing). */
  afterCreate?(ctx: InvocationContext, live: LiveObject): Promise<LiveObject>;
  /** Converges the kind's extras (power state, scripts, attachments, size) once fields are converged. */
  converge?(ctx: InvocationContext, live: LiveObject, opts: ConvergeOptions): Promise<void>;
  /** Brings the object into a state in which IMCO accepts its deletion. */
  beforeDelete?(ctx: InvocationContext, live: LiveObject): Promise<LiveObject>;
  /** `imco-bridge action`: runs the spec's one-off action (a server's reboot, a script execution). */
  runAction?(ctx: InvocationContext, action: NonNullable<BridgeSpec['action']>): Promise<void>;
}
