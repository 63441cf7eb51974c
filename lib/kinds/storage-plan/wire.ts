// The IMCO API v2 wire types of storage plan objects (snake_case, as IMCO sends and accepts them).

export interface StoragePlan {
  readonly id: string;
  readonly name: string;
  readonly min_size: number;
  readonly max_size: number;
  readonly cloud_provider_id: string;
  readonly location_id?: string;
  readonly realm_id?: string;
  readonly realm_provider_name?: string;
  readonly flavour_provider_name?: string;
  readonly deprecated?: boolean;
  readonly resource_type?: string;
}
