// Volume: a labelable block storage volume (API reference §6.1), optionally attached to a managed
// server. Name and attachment are mutable; size, cloud account and storage plan are immutable.
import type { Construct } from 'constructs';
import { idOf, integerProblem, type IdLike } from '../../constructs/validation';
import { ServerAttachedObject, type ServerAttachedProps } from '../server/attached-object';

/**
 * A storage plan: its id, optionally with the size bounds (GB) synth checks `size` against —
 * `minSize`/`maxSize`, or `min_size`/`max_size` as a storage plan lookup records them.
 */
export type StoragePlanLike =
  | IdLike
  | {
      readonly id: string;
      readonly minSize?: number;
      readonly maxSize?: number;
      readonly min_size?: number;
      readonly max_size?: number;
    };

/** A volume's props; `server` is the server to attach the volume to. */
export interface VolumeProps extends ServerAttachedProps {
  /** Size in GB (a whole number). */
  readonly size: number;
  /** Storage plan; give `{ id, minSize, maxSize }` (e.g. from a lookup) to check the size at synth. */
  readonly storagePlan: StoragePlanLike;
}

/** An IMCO volume. */
export class Volume extends ServerAttachedObject {
  constructor(scope: Construct, id: string, props: VolumeProps) {
    super(scope, id, 'volume', props);
    this.checkName(props.name);
    const sizeProblem = integerProblem(props.size, 'size', 1);
    this.problemIf(sizeProblem);
    const plan = props.storagePlan as { id?: string; minSize?: number; maxSize?: number; min_size?: number; max_size?: number } | string;
    if (!sizeProblem && typeof plan === 'object' && plan !== null) {
      const minSize = plan.minSize ?? plan.min_size;
      const maxSize = plan.maxSize ?? plan.max_size;
      const planName = idOf(plan) ?? '?';
      if (typeof minSize === 'number' && props.size < minSize) {
        this.problem(`size ${props.size} GB is below the minimum of storage plan ${planName} (${minSize} GB); use at least ${minSize}`);
      }
      if (typeof maxSize === 'number' && props.size > maxSize) {
        this.problem(`size ${props.size} GB is above the maximum of storage plan ${planName} (${maxSize} GB); use at most ${maxSize}, or another plan`);
      }
    }
    const cloudAccountId = this.idField(props.cloudAccount, 'cloudAccount', 'cloud account');
    const attachTo = this.serverAttachment(props.server, cloudAccountId, 'volume');
    this.encode({
      fields: {
        name: props.name,
        size: props.size,
        cloud_account_id: cloudAccountId,
        storage_plan_id: this.idField(props.storagePlan, 'storagePlan', 'storage plan'),
      },
      extras: { attachTo },
    });
  }
}
