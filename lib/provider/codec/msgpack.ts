// Terraform's msgpack value encoding (cty), both ways. Decoding turns every msgpack extension into
// an UnknownValue holding the extension as received (type 0 = unknown, 12 = refined unknown, any
// other type treated the same), so re-encoding passes it back unchanged. Encoding is typed by the
// schema: every attribute present (null where empty), write-only attributes always null, blocks of
// nesting list/set/map never null, dynamic values wrapped with their type as cty expects.
import { decode, encode, ExtData } from '@msgpack/msgpack';
import { UnknownValue, type AttributePath, type TfObject, type TfValue } from '../resource-type';
import { pathText, ValueTypeError } from './value-errors';
import type { ValueType } from './value-type';

/** msgpack bytes → value, typed by `type` (numbers sent as strings, dynamic values unwrapped). */
export function decodeMsgpack(bytes: Uint8Array, type: ValueType): TfValue {
  if (bytes.length === 0) return null;
  return fromWire(decode(bytes), type);
}

/** value → msgpack bytes, typed by `type`. Throws ValueTypeError naming the attribute path. */
export function encodeMsgpack(value: TfValue | undefined, type: ValueType): Uint8Array {
  return encode(toWire(value, type, []), { ignoreUndefined: false });
}

/** Decoded msgpack (or parsed JSON) → TfValue, following the type where it matters. */
export function fromWire(raw: unknown, type: ValueType): TfValue {
  if (raw === null || raw === undefined) return null;
  if (raw instanceof ExtData) return unknownOf(raw);
  switch (type.kind) {
    case 'number':
      return typeof raw === 'string' && raw.trim() !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : untyped(raw);
    case 'dynamic':
      // msgpack: [type JSON, value]; JSON state: {"value": …, "type": …}.
      if (Array.isArray(raw) && raw.length === 2 && (raw[0] instanceof Uint8Array || typeof raw[0] === 'string')) return untyped(raw[1]);
      if (isPlainObject(raw) && 'value' in raw && 'type' in raw) return untyped(raw.value);
      return untyped(raw);
    case 'list':
    case 'set':
      return Array.isArray(raw) ? raw.map((e) => fromWire(e, type.element)) : untyped(raw);
    case 'map':
      return isPlainObject(raw) ? mapValues(raw, (v) => fromWire(v, type.element)) : untyped(raw);
    case 'object': {
      if (!isPlainObject(raw)) return untyped(raw);
      const out: TfObject = {};
      for (const [k, v] of Object.entries(raw)) {
        const at = type.attributes.get(k);
        out[k] = at ? fromWire(v, at.type) : untyped(v);
      }
      return out;
    }
    default:
      return untyped(raw);
  }
}

function unknownOf(ext: ExtData): UnknownValue {
  return new UnknownValue(ext.type, typeof ext.data === 'function' ? ext.data(0) : ext.data);
}

/** Without a type: extensions become unknowns, maps plain objects, bytes strings. */
function untyped(raw: unknown): TfValue {
  if (raw === null || raw === undefined) return null;
  if (raw instanceof ExtData) return unknownOf(raw);
  if (raw instanceof Uint8Array) return Buffer.from(raw).toString('utf8');
  if (Array.isArray(raw)) return raw.map(untyped);
  if (raw instanceof Map) {
    const out: TfObject = {};
    for (const [k, v] of raw) out[String(k)] = untyped(v);
    return out;
  }
  if (isPlainObject(raw)) return mapValues(raw, untyped);
  if (typeof raw === 'bigint') return Number(raw);
  return raw as TfValue;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array) && !(v instanceof ExtData) && !(v instanceof UnknownValue);
}

function mapValues(o: Record<string, unknown>, f: (v: unknown) => TfValue): TfObject {
  const out: TfObject = {};
  for (const [k, v] of Object.entries(o)) out[k] = f(v);
  return out;
}

/** cty's own encoding of a plain unknown: fixext1, type 0, one zero byte. */
function unknownExt(u: UnknownValue): ExtData {
  return new ExtData(u.extType, u.raw.length === 0 && u.extType === 0 ? Uint8Array.of(0) : u.raw);
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'an object' : `a ${typeof v} (${JSON.stringify(v)})`;
}

/** TfValue → the structure @msgpack/msgpack writes, typed by `type`. */
export function toWire(value: TfValue | undefined, type: ValueType, path: AttributePath): unknown {
  if (value instanceof UnknownValue) return unknownExt(value);
  if (value === null || value === undefined) {
    if ((type.kind === 'list' || type.kind === 'set') && type.neverNull) return [];
    if (type.kind === 'map' && type.neverNull) return {};
    return null;
  }
  const wrong = (what: string): ValueTypeError => new ValueTypeError(path, `${pathText(path)}: expected ${what}, got ${describe(value)}`);
  switch (type.kind) {
    case 'string':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      throw wrong('a string');
    case 'number':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
      throw wrong('a number');
    case 'bool':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      throw wrong('a bool');
    case 'dynamic':
      return [Buffer.from(JSON.stringify(inferredTypeJson(value))), toWireUntyped(value)];
    case 'list':
    case 'set':
      if (!Array.isArray(value)) throw wrong(`a ${type.kind}`);
      return value.map((e, i) => toWire(e, type.element, [...path, { index: i }]));
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) throw wrong('a map');
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(value).sort()) out[k] = toWire(value[k], type.element, [...path, { key: k }]);
      return out;
    }
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) throw wrong('an object');
      const out: Record<string, unknown> = {};
      for (const [name, at] of type.attributes) out[name] = at.writeOnly ? null : toWire(value[name], at.type, [...path, { attr: name }]);
      return out;
    }
  }
}

/** The cty type of a value of a dynamic attribute, as far as the value tells. */
function inferredTypeJson(v: TfValue): unknown {
  if (v === null || v instanceof UnknownValue) return 'dynamic';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return ['tuple', v.map(inferredTypeJson)];
  const attrs: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) attrs[k] = inferredTypeJson(v[k]);
  return ['object', attrs];
}

function toWireUntyped(v: TfValue): unknown {
  if (v instanceof UnknownValue) return unknownExt(v);
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(toWireUntyped);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) out[k] = toWireUntyped(v[k]);
  return out;
}
