// The IMCO API v2 wire types of attachment objects (snake_case, as IMCO sends and accepts them).

export interface Attachment {
  readonly id: string;
  readonly name: string;
  readonly uploaded?: boolean;
  readonly upload_url?: string;
  readonly download_url?: string;
  readonly script_id?: string;
  readonly resource_type?: string;
}
