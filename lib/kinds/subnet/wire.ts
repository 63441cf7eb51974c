// The IMCO API v2 wire types of subnet objects (snake_case, as IMCO sends and accepts them).

export type SubnetType = 'only_public' | 'only_private' | 'public_and_private';

export interface Subnet {
  readonly id: string;
  readonly name: string;
  readonly cidr: string;
  readonly state?: string;
  readonly type: SubnetType | string;
  readonly vpc_id: string;
  readonly server_creation_disabled?: boolean;
  readonly brownfield?: boolean;
  readonly resource_type?: string;
}

export interface SubnetCreate {
  readonly name: string;
  readonly cidr: string;
  readonly type: SubnetType;
}
