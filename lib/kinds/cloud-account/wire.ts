// The IMCO API v2 wire types of cloud account objects (snake_case, as IMCO sends and accepts them).

export interface CloudAccount {
  readonly id: string;
  readonly name: string;
  readonly cloud_provider_id: string;
  readonly last_discovered_at?: string | null;
  readonly last_discovery_failed_at?: string | null;
  readonly supports_importing?: boolean;
  readonly supports_importing_vpcs?: boolean;
  readonly supports_importing_floating_ips?: boolean;
  readonly supports_importing_volumes?: boolean;
  readonly resource_type?: string;
}
