// What the client facades (kind-facade.ts) need from the client: its endpoint, calls by catalog
// operation id, and deletes that report an object already gone.
import type { QueryValue } from './transport';

export type Params = Readonly<Record<string, string>>;
export type Query = Readonly<Record<string, QueryValue>>;

/** What the facades need from the client. */
export interface FacadeHost {
  readonly endpoint: string;
  call<R>(op: string, params?: Params, body?: unknown, query?: Query): Promise<R>;
  /** Deletes via an op; `false` when it was already gone (404). */
  removeVia(op: string, params: Params): Promise<boolean>;
}
