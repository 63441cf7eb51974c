// The IMCO API v2 wire types of cloud provider objects (snake_case, as IMCO sends and accepts them).

export interface CloudProvider {
  readonly id: string;
  readonly name: string;
  readonly disambiguation?: string;
  readonly required_credentials?: string[];
  readonly resource_type?: string;
}
