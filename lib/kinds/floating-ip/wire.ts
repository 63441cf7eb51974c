// The IMCO API v2 wire types of floating ip objects (snake_case, as IMCO sends and accepts them).
import type { Labelled } from '../../client/types';

export interface FloatingIp extends Labelled {
  readonly id: string;
  readonly name: string;
  readonly address?: string;
  readonly state?: string;
  readonly cloud_account_id: string;
  readonly realm_id: string;
  readonly attached_server_id?: string | null;
  readonly brownfield?: boolean;
  readonly resource_type?: string;
}

export interface FloatingIpCreate {
  readonly name: string;
  readonly cloud_account_id: string;
  readonly realm_id: string;
  readonly label_ids?: readonly string[];
}
