// The one client facade, built from the catalog: for each kind (and each group of endpoints of no
// kind, e.g. the wizard) an object with one method per catalog operation — `list`, `show`,
// `create`, `update`, `remove` (the `delete` operation), `discard` and the kind's actions and extra
// endpoints by name in camelCase (`boot`, `executeScript`, `floatingIps`). Arguments are
// positional: the path placeholders in path order (`subnets.create(vpcId, body)`,
// `templateScripts.show(templateId, id)`), then the body when the operation sends one, then the
// query (`volumes.list({ server_id })`). DELETE operations resolve `true`, or `false` when the
// object was already gone. Result types come from the wire type map (wire-kinds.ts).
import { ENDPOINTS, type EndpointSpec } from '../catalog';
import { ImcoError } from './errors';
import type { FacadeHost, Params, Query } from './facade';
import type { KindWire } from './wire-kinds';

/** One positional argument of a facade method: a path value, a body or a query. */
export type FacadeArg = string | object | undefined;

type Camel<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
/** The facade method of a catalog operation name (`execute_script` → `executeScript`, `delete` → `remove`). */
export type MethodName<Op extends string> = Op extends 'delete' ? 'remove' : Camel<Op>;
/** The client property of a kind's facade (`firewall_profile` → `firewallProfiles`). */
export type AccessorName<Kind extends string> = `${Camel<Kind>}s`;

type Method<R> = (...args: FacadeArg[]) => Promise<R>;
type ObjectOf<W extends KindWire> = W['object'];
type CreateMethods<W extends KindWire> = W extends { readonly create: infer C }
  ? { create(...args: [...parents: string[], body: C]): Promise<ObjectOf<W>> }
  : unknown;
type UpdateMethods<W extends KindWire> = W extends { readonly update: infer U }
  ? { update(...args: [...ids: string[], body: U]): Promise<ObjectOf<W>> }
  : unknown;
type OpsOf<W extends KindWire> = W extends { readonly ops: infer O } ? O : Record<never, never>;
type OtherMethods<W extends KindWire> = { readonly [N in keyof OpsOf<W> & string as MethodName<N>]: Method<OpsOf<W>[N]> };

/** The facade of one kind, typed by its entry in the wire type map. */
export type KindFacade<W extends KindWire = KindWire> = {
  list(...args: FacadeArg[]): Promise<ObjectOf<W>[]>;
  show(...ids: string[]): Promise<ObjectOf<W>>;
  remove(...ids: string[]): Promise<boolean>;
  discard(...ids: string[]): Promise<boolean>;
} & CreateMethods<W> &
  UpdateMethods<W> &
  OtherMethods<W> & { readonly [method: string]: Method<unknown> };

const camel = (name: string): string => name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** The facade method of a catalog operation name, at run time. */
export function methodName(operation: string): string {
  return operation === 'delete' ? 'remove' : camel(operation);
}

/** The client property of a kind's facade, at run time; endpoint groups of no kind keep their name (`wizard`). */
export function accessorName(group: string, isKind: boolean): string {
  return isKind ? `${camel(group)}s` : camel(group);
}

const PLACEHOLDER = /\{([a-z_]+)\}/g;
const CRUD_OPERATIONS = ['list', 'show', 'create', 'update', 'delete', 'discard'];

function invoke(host: FacadeHost, spec: EndpointSpec, args: readonly FacadeArg[]): Promise<unknown> {
  const names = [...spec.path.matchAll(PLACEHOLDER)].map((m) => m[1]);
  const usage = `${spec.op} (${spec.method} ${spec.path})`;
  const values = args.slice(0, names.length);
  if (values.length < names.length || values.some((v) => typeof v !== 'string' || v === '')) {
    throw new ImcoError(`IMCO ${usage} takes ${names.join(', ')} first, as strings`, { code: 'config' });
  }
  const params: Params = Object.fromEntries(names.map((n, i) => [n, values[i] as string]));
  const rest = args.slice(names.length);
  const accepted = spec.method === 'DELETE' ? 0 : spec.body ? 2 : 1;
  if (rest.length > accepted || rest.some((v) => typeof v === 'string')) {
    const after = spec.method === 'DELETE' ? 'nothing' : spec.body ? 'a body object and a query object' : 'a query object';
    throw new ImcoError(`IMCO ${usage} takes ${names.length ? `${names.join(', ')}, then ` : ''}${after}`, { code: 'config' });
  }
  if (spec.method === 'DELETE') return host.removeVia(spec.op, params);
  const body = spec.body ? rest[0] : undefined;
  const query = (spec.body ? rest[1] : rest[0]) as Query | undefined;
  return host.call(spec.op, params, body, query);
}

/** The facade of one endpoint group (`vpc`, `wizard`): its operations by method name. */
export function buildFacade(host: FacadeHost, group: string): KindFacade {
  const facade: Record<string, Method<unknown>> = {};
  // A CRUD operation the group lacks answers with the client's "unknown IMCO operation" error, not a TypeError.
  for (const operation of CRUD_OPERATIONS) facade[methodName(operation)] = () => host.call(`${group}.${operation}`);
  for (const spec of ENDPOINTS.filter((x) => x.kind === group)) {
    facade[methodName(spec.op.slice(group.length + 1))] = async (...args) => invoke(host, spec, args);
  }
  return facade as KindFacade;
}
