// Kind behaviours: the hooks through which a kind-specific module adds its rules (CIDR checks,
// firewall rules, state-dependent deletes, member servers, …) to the catalog-driven handlers.
import type { ActionSpec } from '../catalog';
import type { EmulatorServices } from './services';
import type { ApiRequest, ApiResponse, Handler } from './exchange';
import type { ErrorCollector } from './http-errors';
import type { StoredObject } from './store';

export interface CreateInput {
  /** Create fields as read from the body (catalog types already checked, aliases resolved). */
  readonly fields: Readonly<Record<string, unknown>>;
  /** The parent object (VPC of a subnet, template of a template script, …). */
  readonly parent?: StoredObject;
  readonly request: ApiRequest;
}

/** Custom part of an action; returning a response replaces the catalog-driven answer. */
export type ActionHandler = (
  ctx: EmulatorServices,
  obj: StoredObject,
  input: Readonly<Record<string, unknown>>,
  action: ActionSpec,
  errors: ErrorCollector,
) => ApiResponse | { readonly steps?: readonly string[]; readonly finalPatch?: Record<string, unknown> } | void;

export type RouteAdder = (method: string, template: string, handler: Handler) => void;

export interface KindBehaviour {
  readonly kind: string;
  /** Extra create checks; runs after the catalog's field checks passed. */
  validateCreate?(ctx: EmulatorServices, input: CreateInput, errors: ErrorCollector): void;
  /** Sets defaults and derived fields on the new object before it is stored. */
  initialise?(ctx: EmulatorServices, obj: StoredObject, input: CreateInput): void;
  /** After the object is stored and its create steps started (member servers, …). */
  afterCreate?(ctx: EmulatorServices, obj: StoredObject, input: CreateInput): void;
  /** Extra update checks; may return normalised values that replace the sent ones. */
  validateUpdate?(
    ctx: EmulatorServices,
    obj: StoredObject,
    fields: Readonly<Record<string, unknown>>,
    errors: ErrorCollector,
  ): Record<string, unknown> | void;
  /** Dependants that forbid a delete (non-empty VPC, profile in use, …). */
  checkDelete?(ctx: EmulatorServices, obj: StoredObject, errors: ErrorCollector): void;
  /** Clean-up when the object leaves the platform (cascades, detaching, upload files). */
  onGone?(ctx: EmulatorServices, obj: StoredObject): void;
  /** After the object's state changed. */
  onState?(ctx: EmulatorServices, obj: StoredObject, previous: unknown, next: string): void;
  /** After a file was uploaded to the object's upload_url. */
  onUpload?(ctx: EmulatorServices, obj: StoredObject, bytes: Buffer): void;
  /** Before an upload is stored: throws (422) when the object no longer takes one. */
  checkUpload?(ctx: EmulatorServices, obj: StoredObject): void;
  /** Adds computed fields to the rendered object (size, has_vpn, upload URLs). */
  decorate?(ctx: EmulatorServices, obj: StoredObject, out: Record<string, unknown>): void;
  /** Selects and orders the objects of a list answer (default: children of the parent, creation order). */
  list?(ctx: EmulatorServices, req: ApiRequest, parent: StoredObject | undefined): StoredObject[];
  /** Kind-specific parts of catalog actions, by action name. */
  readonly actions?: Readonly<Record<string, ActionHandler>>;
  /** Endpoints that are not plain catalog operations (sub-lists, reorder, execute, …). */
  routes?(add: RouteAdder): void;
}
