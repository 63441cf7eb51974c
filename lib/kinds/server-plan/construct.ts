// The construct API of the read-only server plan kind: found by name at synth time.
import type { IConstruct } from 'constructs';
import { resolveLookupIn, type LookupResult } from '../../constructs/lookups';

export interface PlanQuery {
  /** Cloud provider name, as in the console. */
  readonly cloudProvider: string;
  readonly name: string;
  /** Location name, when plans of that name exist in several locations. */
  readonly location?: string;
}

/** A server plan of a cloud provider. */
export class ServerPlan {
  static lookup(scope: IConstruct, q: PlanQuery): LookupResult {
    return resolveLookupIn(scope, { kind: 'server_plan', ...q });
  }
}
