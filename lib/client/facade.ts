// The base of the client's typed facades (one per kind, in lib/kinds/<kind>/client.ts): what a facade
// needs from the client.
import type { QueryValue } from './transport';
import type { UploadSource } from './upload';

export type Params = Readonly<Record<string, string>>;
export type Query = Readonly<Record<string, QueryValue>>;

/** What the facades need from the client. */
export interface FacadeHost {
  readonly endpoint: string;
  call<R>(op: string, params?: Params, body?: unknown, query?: Query): Promise<R>;
  /** Deletes via an op; `false` when it was already gone (404). */
  removeVia(op: string, params: Params): Promise<boolean>;
  uploadTo(url: string, source: UploadSource): Promise<void>;
  downloadFrom(url: string): Promise<Buffer>;
}

export abstract class Facade {
  constructor(protected readonly host: FacadeHost) {}
}
