// The IMCO API v2 wire types of server objects (snake_case, as IMCO sends and accepts them).
import type { Labelled } from '../../client/types';

export type ServerState =
  | 'commissioning'
  | 'inactive'
  | 'booting'
  | 'bootstrapping'
  | 'operational'
  | 'stalled'
  | 'shutting_down'
  | 'decommissioning'
  | 'commission_stalled';

export interface Server extends Labelled {
  readonly id: string;
  readonly name: string;
  readonly fqdn?: string | null;
  readonly state: ServerState | string;
  readonly public_ip?: string | null;
  readonly private_ip?: string | null;
  readonly template_id: string;
  readonly server_plan_id: string;
  readonly cloud_account_id?: string;
  readonly ssh_profile_id?: string;
  readonly ssh_profile_ids?: string[];
  readonly firewall_profile_id?: string;
  readonly server_array_id?: string | null;
  readonly brownfield_state?: string | null;
  readonly subnet_id?: string | null;
  readonly vpc_id?: string | null;
  readonly privateness?: boolean;
  readonly resource_type?: string;
}

export interface ServerCreate {
  readonly name: string;
  readonly template_id: string;
  readonly server_plan_id: string;
  readonly cloud_account_id: string;
  readonly ssh_profile_id: string;
  readonly firewall_profile_id: string;
  readonly subnet_id?: string;
  readonly privateness?: boolean;
  readonly label_ids?: readonly string[];
}
