// What a route handler receives (a parsed API request) and returns (status + JSON or bytes).
import type { IncomingHttpHeaders } from 'node:http';
import type { RouteParams } from './router';
import type { EmulatorServices } from './services';

export interface ApiRequest {
  readonly method: string;
  /** API-relative path without version prefix and trailing slash, e.g. `/cloud/servers/abc`. */
  readonly path: string;
  readonly params: RouteParams;
  readonly query: URLSearchParams;
  /** The JSON object sent; `{}` when the body was empty or the literal `null`. */
  readonly body: Record<string, unknown>;
  readonly raw: Buffer;
  readonly headers: IncomingHttpHeaders;
}

export interface ApiResponse {
  readonly status: number;
  /** JSON answer; absent for empty answers (204, uploads). */
  readonly json?: unknown;
  /** Raw answer (downloads). */
  readonly bytes?: Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

export type Handler = (ctx: EmulatorServices, req: ApiRequest) => ApiResponse | Promise<ApiResponse>;

export const ok = (json: unknown): ApiResponse => ({ status: 200, json });
export const created = (json: unknown): ApiResponse => ({ status: 201, json });
export const noContent = (): ApiResponse => ({ status: 204 });
