// The IMCO API v2 wire types of script objects (snake_case, as IMCO sends and accepts them).
import type { Labelled } from '../../client/types';

export interface Script extends Labelled {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly code?: string;
  readonly parameters?: string[];
  readonly resource_type?: string;
}

export interface ScriptCreate {
  readonly name: string;
  readonly description?: string;
  readonly code?: string;
  readonly parameters?: readonly string[];
  readonly label_ids?: readonly string[];
}

export interface ScriptUpdate {
  readonly name?: string;
  readonly description?: string;
  readonly code?: string;
  readonly parameters?: readonly string[];
}
