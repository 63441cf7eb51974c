// The IMCO API v2 wire types of generic image objects (snake_case, as IMCO sends and accepts them).

export interface GenericImage {
  readonly id: string;
  readonly name: string;
  readonly resource_type?: string;
}
