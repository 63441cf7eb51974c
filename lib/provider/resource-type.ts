// The contract between the provider host (Terraform's plugin protocol v6, the msgpack value codec,
// go-plugin's handshake) and the resource implementations (schemas generated from the catalog,
// plan rules, create/read/update/delete over the handlers). The host knows no IMCO kind; the
// resources know no gRPC. Pure types, no I/O, no cdktf.

/**
 * A Terraform (cty) type. Primitive names, or a collection/object tuple:
 * `['list', 'string']`, `['map', 'string']`, `['object', { a: 'string' }]`.
 * The host encodes it as the JSON type constraint Terraform expects (`"string"`, `["list","string"]`).
 */
export type CtyType =
  | 'string'
  | 'number'
  | 'bool'
  | 'dynamic'
  | readonly ['list' | 'set' | 'map', CtyType]
  | readonly ['object', { readonly [name: string]: CtyType }];

/** One attribute of a resource or provider schema (tfplugin6 `Schema.Attribute`). */
export interface AttributeSchema {
  readonly name: string;
  /** Exactly one of `type` and `nested` is set. */
  readonly type?: CtyType;
  /** Nested attributes (protocol v6 `nested_type`), e.g. a firewall profile's `rules`. */
  readonly nested?: {
    readonly nesting: 'single' | 'list' | 'set' | 'map';
    readonly attributes: readonly AttributeSchema[];
  };
  readonly description?: string;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  /** Terraform ≥ 1.11 write-only: never in plan or state; Terraform sends it only in config. */
  readonly writeOnly?: boolean;
}

/** A nested block (tfplugin6 `Schema.NestedBlock`), e.g. `timeouts { create = "10m" }`. */
export interface BlockSchema {
  readonly typeName: string;
  readonly nesting: 'single' | 'list' | 'set' | 'map';
  readonly attributes: readonly AttributeSchema[];
  readonly description?: string;
}

export interface ResourceSchema {
  /** Schema version; state written by an older version goes through `upgrade`. */
  readonly version: number;
  readonly attributes: readonly AttributeSchema[];
  readonly blocks?: readonly BlockSchema[];
  readonly description?: string;
}

/**
 * A value as the codec decodes it from msgpack: null, string, number, boolean, arrays (lists,
 * sets, tuples), plain objects (objects, maps), or an `UnknownValue` (extension types 0 and 12).
 */
export type TfValue = null | string | number | boolean | TfValue[] | TfObject | UnknownValue;
export interface TfObject {
  [name: string]: TfValue;
}

/** A value Terraform does not know yet. `raw` is the extension as received, passed back unchanged. */
export class UnknownValue {
  constructor(
    /** Extension type (0 = unknown, 12 = refined unknown). */
    readonly extType: number = 0,
    /** The extension's payload, for refined unknowns. */
    readonly raw: Uint8Array = new Uint8Array(),
  ) {}
}

export function isUnknown(v: unknown): v is UnknownValue {
  return v instanceof UnknownValue;
}

/** A step of an attribute path: an attribute name, a list index or a map key. */
export type PathStep = { readonly attr: string } | { readonly index: number } | { readonly key: string };
export type AttributePath = readonly PathStep[];

/** One diagnostic: one actionable line, the attribute path where it applies, no stack trace, no key material. */
export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  readonly summary: string;
  readonly detail?: string;
  readonly attribute?: AttributePath;
}

/** Given to every resource call: cancellation (StopProvider) and progress logging (Terraform's log). */
export interface CallContext {
  /** Aborted when Terraform calls StopProvider (Ctrl-C). */
  readonly signal: AbortSignal;
  /** One line to Terraform's log (stderr of the provider, shown with TF_LOG). */
  log(line: string): void;
}

export interface PlanRequest {
  readonly prior: TfObject | null;
  /** Terraform's proposed new state (config merged with prior computed values); null = destroy. */
  readonly proposed: TfObject | null;
  readonly config: TfObject | null;
  readonly priorPrivate?: Uint8Array;
}
export interface PlanResponse {
  readonly planned: TfObject | null;
  readonly requiresReplace?: readonly AttributePath[];
  readonly plannedPrivate?: Uint8Array;
  readonly diagnostics?: readonly Diagnostic[];
}

export interface ApplyRequest {
  readonly prior: TfObject | null;
  /** null = delete. */
  readonly planned: TfObject | null;
  /** Holds write-only attribute values (the only place they arrive). */
  readonly config: TfObject | null;
  readonly plannedPrivate?: Uint8Array;
}
export interface ApplyResponse {
  /** null after a delete. Must have no unknown left. */
  readonly newState: TfObject | null;
  readonly private?: Uint8Array;
  readonly diagnostics?: readonly Diagnostic[];
}

export interface ReadRequest {
  readonly current: TfObject;
  readonly private?: Uint8Array;
}
export interface ReadResponse {
  /** null = the object is gone (Terraform plans its creation). */
  readonly newState: TfObject | null;
  readonly private?: Uint8Array;
  readonly diagnostics?: readonly Diagnostic[];
}

export interface ImportResponse {
  /** States of the imported object(s), at least `id` set; Terraform then calls `read`. */
  readonly states: readonly TfObject[];
  /** Private data of the imported states (an adoption's stage). */
  readonly private?: Uint8Array;
  readonly diagnostics?: readonly Diagnostic[];
}

/**
 * A `moved { from = <other type>.X  to = <this type>.X }` block (tfplugin6 MoveResourceState):
 * Terraform hands over the source resource's state as its own provider stored it. Terraform 1.11
 * calls it at the start of plan in a provider process it has NOT configured (measured: no
 * ConfigureProvider before it), so a move cannot use the provider block; the ReadResource that
 * follows in the same plan is configured.
 */
export interface MoveRequest {
  /** e.g. `terraform.io/builtin/terraform` for `terraform_data`. */
  readonly sourceProviderAddress: string;
  /** e.g. `terraform_data`. */
  readonly sourceTypeName: string;
  readonly sourceSchemaVersion: number;
  /** The source state, decoded from the JSON Terraform stored (the source's schema, not ours). */
  readonly sourceState: { readonly [name: string]: unknown };
  readonly sourcePrivate?: Uint8Array;
}
export interface MoveResponse {
  /** The state of this type for the moved object (Terraform then reads and plans it as usual). */
  readonly targetState: TfObject | null;
  readonly targetPrivate?: Uint8Array;
  readonly diagnostics?: readonly Diagnostic[];
}

/** One resource type, `imco_<kind>`. */
export interface ResourceType {
  readonly typeName: string;
  readonly schema: ResourceSchema;
  validate?(config: TfObject): readonly Diagnostic[];
  plan(req: PlanRequest, ctx: CallContext): Promise<PlanResponse>;
  apply(req: ApplyRequest, ctx: CallContext): Promise<ApplyResponse>;
  read(req: ReadRequest, ctx: CallContext): Promise<ReadResponse>;
  importState(id: string, ctx: CallContext): Promise<ImportResponse>;
  /**
   * Optional: takes over the state of a resource of another type (a `moved` block across types).
   * Types without it refuse such moves; the provider declares the capability when one has it.
   */
  moveState?(req: MoveRequest, ctx: CallContext): Promise<MoveResponse>;
  /** Turns state stored under an older schema version (JSON) into the current shape. */
  upgrade?(state: TfObject, fromVersion: number): TfObject;
}

/**
 * What the host serves. `resources` and `providerSchema` must be cheap to build (schema calls come
 * first and on every one of the 3–5 provider starts per command); `configure` may load the client.
 */
export interface ProviderDefinition {
  readonly providerSchema: ResourceSchema;
  readonly resources: readonly ResourceType[];
  configure(config: TfObject, ctx: CallContext): Promise<readonly Diagnostic[]>;
}
