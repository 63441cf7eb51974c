// What a kind adds to the generic create / converge / delete flows.
import type { LiveObject } from '../api';
import type { HandlerContext } from '../context';
import type { BridgeSpec } from '../../bridge/spec';

export interface ConvergeOptions {
  /** The object was created by this invocation: its create body already had every field. */
  readonly fresh: boolean;
  /** Send secret fields (the caller cannot compare them: IMCO never returns secrets). */
  readonly withSecrets: boolean;
}

export interface KindBehaviour {
  /** Right after the POST (and after an adoption): finish what creation needs (uploads, processing). */
  afterCreate?(ctx: HandlerContext, live: LiveObject): Promise<LiveObject>;
  /** Converges the kind's extras (power state, scripts, attachments, size) once fields are converged. */
  converge?(ctx: HandlerContext, live: LiveObject, opts: ConvergeOptions): Promise<void>;
  /** Brings the object into a state in which IMCO accepts its deletion. */
  beforeDelete?(ctx: HandlerContext, live: LiveObject): Promise<LiveObject>;
  /** `imco-bridge action`: runs the spec's one-off action (a server's reboot, a script execution). */
  runAction?(ctx: HandlerContext, action: NonNullable<BridgeSpec['action']>): Promise<void>;
}
