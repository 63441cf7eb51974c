// The IMCO API v2 wire types of server array objects (snake_case, as IMCO sends and accepts them).
import type { ServerState } from '../server/wire';
import type { Labelled } from '../../client/types';

export interface ServerArray extends Labelled {
  readonly id: string;
  readonly name: string;
  readonly state: ServerState | string;
  readonly size: number;
  readonly server_plan_id: string;
  readonly cloud_account_id: string;
  readonly template_id: string;
  readonly firewall_profile_id?: string;
  readonly ssh_profile_id?: string;
  readonly ssh_profile_ids?: string[];
  readonly subnet_id?: string | null;
  readonly vpc_id?: string | null;
  readonly privateness?: boolean;
  readonly resource_type?: string;
}

export interface ServerArrayCreate {
  readonly name: string;
  readonly template_id: string;
  readonly cloud_account_id: string;
  readonly server_plan_id: string;
  readonly size?: number;
  readonly firewall_profile_id?: string;
  readonly ssh_profile_id?: string;
  readonly subnet_id?: string;
  readonly privateness?: boolean;
  readonly label_ids?: readonly string[];
}
