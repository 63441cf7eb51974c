// The IMCO API v2 wire types of ssh profile objects (snake_case, as IMCO sends and accepts them).
import type { Labelled } from '../../client/types';

export interface SshProfile extends Labelled {
  readonly id: string;
  readonly name: string;
  readonly public_key?: string;
  readonly resource_type?: string;
}

export interface SshProfileCreate {
  readonly name: string;
  readonly public_key?: string;
  /** Write-only, never returned, never logged. */
  readonly private_key?: string;
  readonly label_ids?: readonly string[];
}

export interface SshProfileUpdate {
  readonly name?: string;
  readonly public_key?: string;
  readonly private_key?: string;
}
