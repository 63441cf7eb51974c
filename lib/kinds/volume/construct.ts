// Volume: a labelable block storage volume (API reference §6.1), optionally attached to a managed
// server. Name and attachment are mutable; size, cloud account and storage plan are immutable.
import type { Construct } from 'constructs';
import { ImcoObject, type ImcoObjectProps } from '../../constructs/imco-object';
import { idOf, integerProblem, type IdLike } from '../../constructs/validation';
import { Server } from '../server/construct';

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

export interface VolumeProps extends ImcoObjectProps {
  readonly name: string;
  /** Size in GB (a whole number). */
  readonly size: number;
  readonly cloudAccount: IdLike;
  /** Storage plan; give `{ id, minSize, maxSize }` (e.g. from a lookup) to check the size at synth. */
  readonly storagePlan: StoragePlanLike;
  /** Server to attach the volume to. @default none (detached) */
  readonly server?: Server;
}

/** An IMCO volume. */
export class Volume extends ImcoObject {
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
    const attachTo = props.server === undefined ? undefined : this.refTo(props.server, 'server', Server, 'Server');
    if (props.server instanceof Server && cloudAccountId && props.server.cloudAccountId && props.server.cloudAccountId !== cloudAccountId) {
      this.problem(
        `server '${props.server.objectPath}' is in cloud account ${props.server.cloudAccountId}, this volume in ${cloudAccountId}; attach it to a server of the same cloud account`,
      );
    }
    this.encode({
      fields: {
        name: props.name,
        size: props.size,
        cloud_account_id: cloudAccountId,
        storage_plan_id: this.idField(props.storagePlan, 'storagePlan', 'storage plan'),
      },
      extras: { attachTo: attachTo ?? null },
    });
  }
}
