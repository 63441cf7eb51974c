// The IMCO API v2 wire types of realm objects (snake_case, as IMCO sends and accepts them).

export interface Realm {
  readonly id: string;
  readonly name: string;
  readonly location_id?: string;
  readonly cloud_provider_id?: string;
  readonly provider_name?: string;
  readonly deprecated?: boolean;
  readonly resource_type?: string;
}
