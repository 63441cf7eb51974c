// The IMCO API v2 wire types of cookbook version objects (snake_case, as IMCO sends and accepts them).
import type { Labelled } from '../../client/types';

export interface CookbookVersion extends Labelled {
  readonly id: string;
  readonly name?: string;
  readonly version?: string;
  readonly description?: string;
  readonly publicly_available?: boolean;
  readonly state?: 'created' | 'processing' | 'duplicated' | 'ready' | 'processing_error' | string;
  readonly error_message?: string | null;
  readonly revision_id?: string;
  readonly recipes?: string[];
  readonly global_legacy?: boolean;
  /** Where to PUT the archive, right after create. */
  readonly upload_url?: string;
  readonly resource_type?: string;
}

export interface CookbookVersionCreate {
  readonly label_ids?: readonly string[];
}
