// The shape of a Terraform value as the codec needs it: the cty type of a resource's object built
// from its schema (attributes, nested attributes of every nesting mode, blocks), with the
// write-only flag of each attribute, and the JSON type constraint Terraform expects in a schema.
import type { AttributeSchema, BlockSchema, CtyType } from '../resource-type';

export type ValueType =
  | { readonly kind: 'string' | 'number' | 'bool' | 'dynamic' }
  | {
      readonly kind: 'list' | 'set' | 'map';
      readonly element: ValueType;
      /** Blocks of nesting list/set/map: an empty collection, never null. */
      readonly neverNull?: boolean;
    }
  | { readonly kind: 'object'; readonly attributes: ReadonlyMap<string, ObjectAttribute> };

export interface ObjectAttribute {
  readonly type: ValueType;
  /** Terraform ≥ 1.11 write-only: always null in plan and state. */
  readonly writeOnly?: boolean;
}

/** The parts of a schema that make an object: a resource/provider schema or a nested block. */
export interface ObjectSchema {
  readonly attributes: readonly AttributeSchema[];
  readonly blocks?: readonly BlockSchema[];
}

const PRIMITIVES = new Set(['string', 'number', 'bool', 'dynamic']);

/** A cty type of the contract as the codec's ValueType. */
export function valueTypeOf(t: CtyType): ValueType {
  if (typeof t === 'string') {
    if (!PRIMITIVES.has(t)) throw new Error(`unknown attribute type '${t}'`);
    return { kind: t };
  }
  const [kind, inner] = t;
  if (kind === 'object') {
    const attributes = new Map<string, ObjectAttribute>();
    for (const name of Object.keys(inner).sort()) attributes.set(name, { type: valueTypeOf(inner[name]) });
    return { kind: 'object', attributes };
  }
  return { kind, element: valueTypeOf(inner as CtyType) };
}

function attributeType(a: AttributeSchema): ValueType {
  if (a.nested) {
    const object = objectTypeOf({ attributes: a.nested.attributes });
    return a.nested.nesting === 'single' ? object : { kind: a.nested.nesting, element: object };
  }
  if (a.type === undefined) throw new Error(`attribute '${a.name}' has neither a type nor nested attributes`);
  return valueTypeOf(a.type);
}

/** The object type of a schema block: its attributes and nested blocks, names sorted. */
export function objectTypeOf(schema: ObjectSchema): ValueType {
  const entries: [string, ObjectAttribute][] = [];
  for (const a of schema.attributes) entries.push([a.name, { type: attributeType(a), writeOnly: a.writeOnly === true }]);
  for (const b of schema.blocks ?? []) {
    const object = objectTypeOf({ attributes: b.attributes });
    const type: ValueType = b.nesting === 'single' ? object : { kind: b.nesting, element: object, neverNull: true };
    entries.push([b.typeName, { type }]);
  }
  entries.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  return { kind: 'object', attributes: new Map(entries) };
}

/** Terraform's JSON type constraint of a cty type: `"string"`, `["list","string"]`, `["object",{…}]`. */
export function ctyTypeJson(t: CtyType): unknown {
  if (typeof t === 'string') return t;
  const [kind, inner] = t;
  if (kind === 'object') {
    const attrs: Record<string, unknown> = {};
    for (const [name, at] of Object.entries(inner)) attrs[name] = ctyTypeJson(at);
    return ['object', attrs];
  }
  return [kind, ctyTypeJson(inner as CtyType)];
}

/** The JSON type constraint of a codec ValueType (for dynamic values, whose wire form carries it). */
export function valueTypeJson(t: ValueType): unknown {
  switch (t.kind) {
    case 'object': {
      const attrs: Record<string, unknown> = {};
      for (const [name, a] of t.attributes) attrs[name] = valueTypeJson(a.type);
      return ['object', attrs];
    }
    case 'list':
    case 'set':
    case 'map':
      return [t.kind, valueTypeJson(t.element)];
    default:
      return t.kind;
  }
}
