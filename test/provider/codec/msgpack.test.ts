// The msgpack value codec: unknowns (ext 0) and refined unknowns (ext 12) pass through unchanged,
// nulls, nested objects, maps, sets, nested attributes and blocks typed by the schema, write-only
// attributes nulled, dynamic values, and type errors naming the attribute path.
import { decode, encode, ExtData } from '@msgpack/msgpack';
import { decodeMsgpack, encodeMsgpack } from '../../../lib/provider/codec/msgpack';
import { objectTypeOf } from '../../../lib/provider/codec/value-type';
import { ValueTypeError } from '../../../lib/provider/codec/value-errors';
import { decodeDynamicValue } from '../../../lib/provider/codec/dynamic-value';
import { isUnknown, UnknownValue, type ResourceSchema, type TfObject } from '../../../lib/provider/resource-type';

const schema: ResourceSchema = {
  version: 0,
  attributes: [
    { name: 'id', type: 'string', computed: true },
    { name: 'name', type: 'string', required: true },
    { name: 'size', type: 'number', optional: true },
    { name: 'enabled', type: 'bool', optional: true },
    { name: 'tags', type: ['map', 'string'], optional: true },
    { name: 'labels', type: ['set', 'string'], optional: true },
    { name: 'ports', type: ['list', 'number'], optional: true },
    { name: 'meta', type: ['object', { owner: 'string', count: 'number' }], optional: true },
    { name: 'extra', type: 'dynamic', optional: true },
    {
      name: 'rules',
      optional: true,
      nested: { nesting: 'list', attributes: [{ name: 'min_port', type: 'number', required: true }, { name: 'source', type: 'string', optional: true }] },
    },
    { name: 'by_name', optional: true, nested: { nesting: 'map', attributes: [{ name: 'v', type: 'string', optional: true }] } },
    { name: 'one', optional: true, nested: { nesting: 'single', attributes: [{ name: 'psk_wo', type: 'string', optional: true, writeOnly: true }, { name: 'x', type: 'string', optional: true }] } },
    { name: 'password_wo', type: 'string', optional: true, writeOnly: true },
  ],
  blocks: [
    { typeName: 'timeouts', nesting: 'single', attributes: [{ name: 'create', type: 'string', optional: true }] },
    { typeName: 'disk', nesting: 'list', attributes: [{ name: 'size', type: 'number', optional: true }] },
  ],
};
const type = objectTypeOf(schema);

/** cty's own plain unknown: fixext1 type 0 data 0. */
const CTY_UNKNOWN = new ExtData(0, Uint8Array.of(0));
/** A refined unknown as Terraform 1.11 sends it (a string known to start with "child-of-"). */
const REFINED = new ExtData(12, encode(new Map<number, unknown>([[1, false], [3, 'child-of-']])));

function wire(o: Record<string, unknown>): Uint8Array {
  return encode(o);
}

describe('msgpack codec', () => {
  it('decodes a plain unknown (ext 0) and a refined unknown (ext 12) as UnknownValue, and re-encodes both byte for byte', () => {
    const bytes = wire({ name: REFINED, id: CTY_UNKNOWN });
    const v = decodeMsgpack(bytes, type) as TfObject;
    expect(isUnknown(v.id)).toBe(true);
    expect((v.id as UnknownValue).extType).toBe(0);
    expect(isUnknown(v.name)).toBe(true);
    expect((v.name as UnknownValue).extType).toBe(12);
    const back = decode(encodeMsgpack(v, type)) as Record<string, ExtData>;
    expect(back.name).toBeInstanceOf(ExtData);
    expect(back.name.type).toBe(12);
    expect(Buffer.from(back.name.data as Uint8Array).equals(Buffer.from(REFINED.data as Uint8Array))).toBe(true);
    expect(back.id.type).toBe(0);
  });

  it('treats any other extension type as unknown too, passed back unchanged', () => {
    const v = decodeMsgpack(wire({ name: new ExtData(5, Uint8Array.of(1, 2, 3)) }), type) as TfObject;
    expect(isUnknown(v.name)).toBe(true);
    const back = decode(encodeMsgpack(v, type)) as Record<string, ExtData>;
    expect([back.name.type, [...(back.name.data as Uint8Array)]]).toEqual([5, [1, 2, 3]]);
  });

  it("writes a new UnknownValue as cty's own unknown (d4 00 00)", () => {
    const bytes = encodeMsgpack(new UnknownValue(), { kind: 'string' });
    expect([...bytes]).toEqual([0xd4, 0x00, 0x00]);
  });

  it('encodes every attribute of the schema, null where the value has none, names sorted', () => {
    const back = decode(encodeMsgpack({ name: 'a' }, type)) as Record<string, unknown>;
    expect(Object.keys(back)).toEqual([...Object.keys(back)].sort());
    expect(Object.keys(back).sort()).toEqual(
      ['by_name', 'disk', 'enabled', 'extra', 'id', 'labels', 'meta', 'name', 'one', 'password_wo', 'ports', 'rules', 'size', 'tags', 'timeouts'].sort(),
    );
    expect(back.name).toBe('a');
    expect(back.size).toBeNull();
    expect(back.timeouts).toBeNull();
    // A block of nesting list is an empty list, never null.
    expect(back.disk).toEqual([]);
  });

  it('round-trips nulls, nested objects, maps, sets, lists and nested attributes of every nesting mode', () => {
    const value: TfObject = {
      id: 'x-1',
      name: 'web',
      size: 2.5,
      enabled: false,
      tags: { b: '2', a: '1' },
      labels: ['z', 'y'],
      ports: [22, 443],
      meta: { owner: 'me', count: 3 },
      extra: null,
      rules: [{ min_port: 22, source: null }, { min_port: 80, source: '0.0.0.0/0' }],
      by_name: { k: { v: 'w' } },
      one: { psk_wo: null, x: 'y' },
      password_wo: null,
      timeouts: { create: '10m' },
      disk: [{ size: 10 }],
    };
    expect(decodeMsgpack(encodeMsgpack(value, type), type)).toEqual(value);
  });

  it('nulls write-only attributes, nested ones included, whatever the resource returns', () => {
    const back = decode(encodeMsgpack({ name: 'a', password_wo: 'hunter2', one: { psk_wo: 'sekret', x: 'y' } }, type)) as Record<string, unknown>;
    expect(back.password_wo).toBeNull();
    expect(back.one).toEqual({ psk_wo: null, x: 'y' });
    expect(Buffer.from(encodeMsgpack({ name: 'a', password_wo: 'hunter2' }, type)).includes('hunter2')).toBe(false);
  });

  it('keeps an unknown inside collections and nested objects', () => {
    const v = decodeMsgpack(wire({ tags: { a: CTY_UNKNOWN }, rules: [{ min_port: CTY_UNKNOWN }], labels: CTY_UNKNOWN }), type) as TfObject;
    expect(isUnknown((v.tags as TfObject).a)).toBe(true);
    expect(isUnknown(((v.rules as TfObject[])[0] as TfObject).min_port)).toBe(true);
    expect(isUnknown(v.labels)).toBe(true);
    const back = decode(encodeMsgpack(v, type)) as { tags: Record<string, ExtData>; labels: ExtData };
    expect(back.tags.a).toBeInstanceOf(ExtData);
    expect(back.labels).toBeInstanceOf(ExtData);
  });

  it('decodes a null value and an empty DynamicValue as null', () => {
    expect(decodeMsgpack(encode(null), type)).toBeNull();
    expect(decodeDynamicValue({ msgpack: new Uint8Array() }, type)).toBeNull();
    expect(decodeDynamicValue(undefined, type)).toBeNull();
  });

  it('decodes a JSON DynamicValue (raw state) typed by the schema', () => {
    const json = Buffer.from(JSON.stringify({ name: 'a', size: 3, tags: { k: 'v' }, extra: { value: 'x', type: 'string' } }));
    expect(decodeDynamicValue({ json }, type)).toEqual({ name: 'a', size: 3, tags: { k: 'v' }, extra: 'x' });
  });

  it("reads a number cty sent as a string (too big for msgpack's ints)", () => {
    expect((decodeMsgpack(wire({ size: '12345678901234567890' }), type) as TfObject).size).toBe(12345678901234567890);
  });

  it('wraps a dynamic value with its type, as cty expects, and unwraps it when decoding', () => {
    const bytes = encodeMsgpack({ extra: { a: 1, b: ['x'] } }, type);
    const raw = decode(bytes) as { extra: [Uint8Array, unknown] };
    expect(JSON.parse(Buffer.from(raw.extra[0]).toString())).toEqual(['object', { a: 'number', b: ['tuple', ['string']] }]);
    expect((decodeMsgpack(bytes, type) as TfObject).extra).toEqual({ a: 1, b: ['x'] });
  });

  it('refuses a value of the wrong type with the attribute path', () => {
    let err: unknown;
    try {
      encodeMsgpack({ rules: [{ min_port: 1 }, { min_port: { no: 1 } }] }, type);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValueTypeError);
    expect((err as ValueTypeError).path).toEqual([{ attr: 'rules' }, { index: 1 }, { attr: 'min_port' }]);
    expect((err as Error).message).toBe('rules[1].min_port: expected a number, got an object');
  });

  it('converts primitives where cty would (number → string, "true" → bool)', () => {
    const back = decode(encodeMsgpack({ name: 12, enabled: 'true', size: '3' }, type)) as Record<string, unknown>;
    expect([back.name, back.enabled, back.size]).toEqual(['12', true, 3]);
  });
});
