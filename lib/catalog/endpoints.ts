// The client's operations, derived from the catalog: each kind's CRUD (`<kind>.list|show|create|
// update|delete|discard`), its actions (`<kind>.<action>`) and its extra endpoints; explicit rows
// only for the endpoints that belong to no kind (ping, the wizard). The emulator serves them all.
import { KINDS, onKindRegistered } from './kinds';
import type { HttpMethod, KindSpec } from './types';

export type { HttpMethod } from './types';

export interface EndpointSpec {
  /** Stable operation id, `<kind>.<operation>`. */
  readonly op: string;
  readonly method: HttpMethod;
  /** Path relative to `/v2`, `{name}` placeholders. Canonical form: no trailing slash. */
  readonly path: string;
  /** Kind the endpoint acts on (catalog name). */
  readonly kind: string;
  /** Whether a body is sent. */
  readonly body?: boolean;
  /** A POST the client may safely repeat when its answer is lost (IMCO ignores a repeat). */
  readonly idempotent?: boolean;
}

const e = (op: string, method: HttpMethod, path: string, body = false): EndpointSpec => ({
  op,
  method,
  path,
  kind: op.split('.')[0],
  body,
});

/** Endpoints of no catalog kind. */
const UNKINDED: readonly EndpointSpec[] = [
  e('ping.get', 'GET', '/ping'),
  e('wizard.cloud_providers', 'GET', '/wizard/cloud_providers'),
  e('wizard.cloud_accounts', 'GET', '/wizard/cloud_accounts'),
];

/** The operations of one kind, in the order list, create, show, update, actions, extras, delete, discard. */
export function kindEndpoints(spec: KindSpec): EndpointSpec[] {
  const item = spec.itemPath ?? spec.collectionPath;
  const has = (op: KindSpec['operations'][number]): boolean => spec.operations.includes(op);
  const op = (name: string): string => `${spec.kind}.${name}`;
  const out: EndpointSpec[] = [];
  if (has('list')) out.push(e(op('list'), 'GET', spec.collectionPath));
  if (has('create')) out.push(e(op('create'), 'POST', spec.collectionPath, true));
  if (has('show')) out.push(e(op('show'), 'GET', item));
  if (has('update')) out.push(e(op('update'), 'PUT', item, true));
  for (const a of spec.actions ?? []) out.push(e(op(a.name), a.method, `${item}${a.suffix}`, a.method !== 'DELETE'));
  for (const x of spec.endpoints ?? []) out.push({ ...e(op(x.name), x.method, x.path, x.body ?? false), ...(x.idempotent ? { idempotent: true } : {}) });
  if (has('delete')) out.push(e(op('delete'), 'DELETE', item));
  if (has('discard')) out.push(e(op('discard'), 'DELETE', `${item}/discard`));
  return out;
}

const endpoints: EndpointSpec[] = [...UNKINDED, ...KINDS.flatMap(kindEndpoints)];
const byOp = new Map(endpoints.map((x) => [x.op, x]));
onKindRegistered((spec) => {
  for (const x of kindEndpoints(spec)) {
    endpoints.push(x);
    byOp.set(x.op, x);
  }
});

/** Every operation of the API reference §3 in scope, in catalog (dependency) order. */
export const ENDPOINTS: readonly EndpointSpec[] = endpoints;

/** The endpoint of an operation id, or undefined when the catalog has none (`server.events` yes, `vpc.events` no). */
export function findEndpoint(op: string): EndpointSpec | undefined {
  return byOp.get(op);
}

/** The operation id of the audit event list (where the events of kinds without their own are found). */
export const AUDIT_EVENTS_OP = 'event.list';

/** Looks an endpoint up by its operation id; throws on a typo so callers fail loudly. */
export function endpoint(op: string): EndpointSpec {
  const found = byOp.get(op);
  if (!found) throw new Error(`unknown IMCO endpoint '${op}'`);
  return found;
}

/** Fills `{name}` placeholders; every value is URI-encoded. Missing values are an error. */
export function fillPath(path: string, params: Readonly<Record<string, string>>): string {
  return path.replace(/\{([a-z_]+)\}/g, (_m, name: string) => {
    const v = params[name];
    if (v === undefined || v === '') throw new Error(`path ${path} needs '${name}'`);
    return encodeURIComponent(v);
  });
}
