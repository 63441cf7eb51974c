// The IMCO API v2 wire types of vpn plan objects (snake_case, as IMCO sends and accepts them).

export interface VpnPlan {
  readonly id: string;
  readonly name: string;
  readonly active_active?: string | boolean;
  readonly remote_id?: string;
  readonly resource_type?: string;
}
