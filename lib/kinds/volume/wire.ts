// The IMCO API v2 wire types of volume objects (snake_case, as IMCO sends and accepts them).
import type { Labelled } from '../../client/types';

export interface Volume extends Labelled {
  readonly id: string;
  readonly name: string;
  /** GB. */
  readonly size: number;
  readonly device?: string | null;
  readonly state?: string;
  readonly remote_id?: string | null;
  readonly storage_plan_id: string;
  readonly cloud_account_id: string;
  readonly realm_id?: string;
  readonly attached_server_id?: string | null;
  readonly brownfield?: boolean;
  readonly resource_type?: string;
}

export interface VolumeCreate {
  readonly name: string;
  readonly size: number;
  readonly cloud_account_id: string;
  readonly storage_plan_id: string;
  readonly label_ids?: readonly string[];
}
