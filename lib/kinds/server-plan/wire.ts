// The IMCO API v2 wire types of server plan objects (snake_case, as IMCO sends and accepts them).

export interface ServerPlan {
  readonly id: string;
  readonly name: string;
  readonly memory?: number;
  readonly cpus?: number;
  readonly storage?: number;
  readonly location_id?: string;
  readonly cloud_provider_id?: string;
  readonly resource_type?: string;
}
