// Catalog types: the shape of one IMCO kind's description (paths, fields, identity, lifecycle,
// actions). Pure data, no I/O and no cdktf: the client, handlers, constructs and emulator all read it.

/** JSON type of a field as IMCO sends and accepts it. */
export type FieldType =
  | 'string'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'string[]'
  | 'object'
  | 'object[]';

/** One field of a create or update body. */
export interface FieldSpec {
  /** Wire name (snake_case, as IMCO spells it). */
  readonly name: string;
  readonly type: FieldType;
  /** The server rejects a create without it (422). */
  readonly required?: boolean;
  /** Write-only credential material: never returned, never logged, journalled redacted. */
  readonly secret?: boolean;
  /** Other spellings IMCO accepts for this field on input (e.g. the CLI's `public-key`). */
  readonly aliases?: readonly string[];
  /** Allowed values, for enumerations. */
  readonly enum?: readonly string[];
  /** Refers to an object of this kind by id. */
  readonly ref?: string;
  /**
   * Members of each item of an `object[]` field (or of an `object` field with fixed members), e.g.
   * a firewall rule's `{ ip_protocol, min_port, max_port, source }`. Absent: free-form.
   */
  readonly items?: readonly FieldSpec[];
  /**
   * An `object[]` whose order means nothing (a firewall profile's rules): compared as a set of its
   * `items` fields (input aliases read, enumerations case-insensitive, numbers as numbers).
   */
  readonly unordered?: boolean;
  /**
   * What a free-form `object` field holds: `json` = any JSON object (Terraform: JSON text, compared
   * semantically), `string-map` = string values by name (Terraform: `map(string)`).
   */
  readonly shape?: 'json' | 'string-map';
  /** IMCO fills the field when a create leaves it out (Terraform: optional and computed). */
  readonly defaulted?: boolean;
  /** Smallest and largest accepted value, for numbers. */
  readonly min?: number;
  readonly max?: number;
  /** One line for schema documentation. */
  readonly description?: string;
}

/** How the objects of a kind are identified without local state (design brief §3). */
export type Identity =
  /** An ownership label whose id goes into the create body's `label_ids`. */
  | { readonly by: 'label' }
  /** A natural key made of these fields inside the parent (e.g. a subnet's CIDR in its VPC). */
  | { readonly by: 'natural'; readonly fields: readonly string[] }
  /** The parent's one child (a VPC's VPN). */
  | { readonly by: 'singleton' }
  /** Read-only catalogue entries, looked up by name at synth time. */
  | { readonly by: 'lookup' };

/** Lifecycle of a kind's `state` field; absent for kinds without states. */
export interface LifecycleSpec {
  /** Every state value the kind can take. */
  readonly states: readonly string[];
  /**
   * States an object goes through right after create: the first is the state the create answer
   * carries, each later one follows after one emulator tick. The last one is where it settles.
   */
  readonly createSteps: readonly string[];
  /** Settled states in which the object is usable. */
  readonly ready: readonly string[];
  /** Terminal failure states a waiter must stop on. */
  readonly failed: readonly string[];
  /** States in which a delete is accepted (absent = any). */
  readonly deleteFrom?: readonly string[];
  /** Transitional states between the delete request and the object being gone (404). */
  readonly deleteSteps: readonly string[];
}

/** An action on one object (boot, compile, attach, ...). */
export interface ActionSpec {
  readonly name: string;
  readonly method: 'PUT' | 'POST' | 'DELETE';
  /** Path suffix appended to the item path, e.g. `/boot`. */
  readonly suffix: string;
  /** States in which the action is accepted (absent = any). */
  readonly from?: readonly string[];
  /** States the object goes through; the first is in the answer, the last is where it settles. */
  readonly steps?: readonly string[];
  /** Body fields the action reads (extra keys are ignored, per the CLI's quirks). */
  readonly fields?: readonly FieldSpec[];
  /** What the answer body is: the object, the object its reference field names (attach answers the server), or nothing. */
  readonly returns: 'self' | 'referenced' | 'none';
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * An endpoint of a kind that is neither its CRUD nor one of its actions (a server's events, a
 * template's servers, label assignment). Its operation id is `<kind>.<name>`.
 */
export interface ExtraEndpointSpec {
  readonly name: string;
  readonly method: HttpMethod;
  /** Path relative to `/v2`, `{name}` placeholders, no trailing slash. */
  readonly path: string;
  /** Whether a body is sent. */
  readonly body?: boolean;
  /** A POST the client may safely repeat when its answer is lost (IMCO ignores a repeat). */
  readonly idempotent?: boolean;
}

/** A read-only or writable IMCO kind. */
export interface KindSpec {
  /** Our name for the kind; equals IMCO's `resource_type` where IMCO has one. */
  readonly kind: string;
  /** IMCO's `resource_type` string (also the label resource type of labelable kinds). */
  readonly resourceType: string;
  /** Human name for messages ("firewall profile"). */
  readonly title: string;
  /** Users declare objects of the kind with a construct of its own (template scripts and attachments are parts of others). */
  readonly construct?: boolean;
  readonly namespace: 'blueprint' | 'network' | 'storage' | 'cloud' | 'settings' | 'audit' | 'labels' | 'wizard';
  /**
   * Collection path relative to `/v2`, with `{param}` placeholders for the parent
   * (e.g. `/network/vpcs/{vpc_id}/subnets`). The canonical form has no trailing slash;
   * servers must also accept one.
   */
  readonly collectionPath: string;
  /** Item path relative to `/v2`, `{id}` for the object (singletons: same as collectionPath). */
  readonly itemPath?: string;
  /** The official CLI POSTs creates to the collection path with a trailing slash. */
  readonly cliTrailingSlash?: boolean;
  /** Parent kind, the path parameter that names it and the object field that holds its id. */
  readonly parent?: { readonly kind: string; readonly param: string; readonly field: string };
  /** One object per parent, addressed without an id. */
  readonly singleton?: boolean;
  /** Operations offered on the collection/item paths. */
  readonly operations: readonly ('list' | 'show' | 'create' | 'update' | 'delete' | 'discard')[];
  /** Labelable per API reference §2.2: carries `label_ids`, accepts them on create. */
  readonly labelable: boolean;
  readonly identity: Identity;
  /** Fields a create accepts. */
  readonly createFields: readonly FieldSpec[];
  /** Fields an update (PUT item) changes in place. */
  readonly updateFields: readonly string[];
  /**
   * Desired-state fields that cannot change in place: a change means replacement
   * (delete + create). Derived: createFields that are not updatable, minus label_ids.
   */
  readonly immutableFields: readonly string[];
  /**
   * Typed response-only fields worth exposing as computed attributes (a server's `public_ip`, an
   * object's `state`). Every one is also in `responseFields`.
   */
  readonly computedFields?: readonly FieldSpec[];
  /** Fields never returned by IMCO and redacted in journals and logs. */
  readonly secretFields: readonly string[];
  /** Fields every object of the kind carries in answers (besides id and resource_type). */
  readonly responseFields: readonly string[];
  /** Fields the list answer carries when it is slimmer than show (templates). */
  readonly listFields?: readonly string[];
  /** Field used as the display name; absent when the kind has none. */
  readonly nameField?: string;
  readonly lifecycle?: LifecycleSpec;
  readonly actions?: readonly ActionSpec[];
  /**
   * Reference fields the provider resolves by name at create (`VpnPlan.named(…)` → `vpn_plan_name`):
   * a by-name reference to the field's `ref` kind becomes the `attribute` instead.
   */
  readonly byName?: readonly { readonly field: string; readonly attribute: string }[];
  /** Endpoints beyond CRUD and actions (client operations `<kind>.<name>`). */
  readonly endpoints?: readonly ExtraEndpointSpec[];
  /** Default seconds a handler waits for this kind to settle. */
  readonly waitTimeoutSeconds: number;
}
