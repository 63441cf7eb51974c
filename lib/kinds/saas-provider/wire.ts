// The IMCO API v2 wire types of saas provider objects (snake_case, as IMCO sends and accepts them).

export interface SaasProvider {
  readonly id: string;
  readonly name: string;
  readonly required_account_data?: string[];
  readonly resource_type?: string;
}
