// The IMCO API v2 wire types of vpc objects (snake_case, as IMCO sends and accepts them).
import type { Labelled } from '../../client/types';

export interface Vpc extends Labelled {
  readonly id: string;
  readonly name: string;
  readonly cidr: string;
  readonly state?: string;
  readonly cloud_account_id: string;
  readonly realm_provider_name?: string;
  readonly has_vpn?: boolean;
  readonly allowed_subnet_types?: string[];
  readonly brownfield?: boolean;
  readonly resource_type?: string;
}

export interface VpcCreate {
  readonly name: string;
  readonly cidr: string;
  readonly cloud_account_id: string;
  readonly realm_provider_name: string;
  readonly label_ids?: readonly string[];
}
