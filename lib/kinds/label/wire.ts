// The IMCO API v2 wire types of label objects (snake_case, as IMCO sends and accepts them).

export interface Label {
  readonly id: string;
  readonly name: string;
  readonly namespace?: string | null;
  readonly value?: string | null;
  readonly resource_type?: string;
}

export interface LabelCreate {
  readonly name: string;
  readonly namespace?: string;
  readonly value?: string;
}

/** A resource a label is assigned to. */
export interface LabeledResource {
  readonly id: string;
  readonly resource_type: string;
}
