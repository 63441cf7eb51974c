// The IMCO API v2 wire types of location objects (snake_case, as IMCO sends and accepts them).

export interface Location {
  readonly id: string;
  readonly name: string;
  readonly resource_type?: string;
}
