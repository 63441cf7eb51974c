// The IMCO API v2 wire types of vpn objects (snake_case, as IMCO sends and accepts them).

export interface Vpn {
  readonly id: string;
  readonly state?: string;
  readonly vpc_id: string;
  readonly vpn_plan_id: string;
  readonly public_ip: string;
  readonly exposed_cidrs: string[];
  readonly resource_type?: string;
}

export interface VpnCreate {
  readonly public_ip: string;
  /** Pre-shared key: write-only, never returned, never logged. */
  readonly psk: string;
  readonly exposed_cidrs: readonly string[];
  readonly vpn_plan_id: string;
}
