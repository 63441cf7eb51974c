// Schema → codec type: cty JSON type constraints, object attributes sorted, blocks never null.
import { ctyTypeJson, objectTypeOf, valueTypeOf } from '../../../lib/provider/codec/value-type';

describe('cty types', () => {
  it('encodes type constraints as Terraform expects them in a schema', () => {
    expect(ctyTypeJson('string')).toBe('string');
    expect(ctyTypeJson(['list', 'string'])).toEqual(['list', 'string']);
    expect(ctyTypeJson(['map', ['set', 'number']])).toEqual(['map', ['set', 'number']]);
    expect(ctyTypeJson(['object', { a: 'bool', b: ['list', 'dynamic'] }])).toEqual(['object', { a: 'bool', b: ['list', 'dynamic'] }]);
  });

  it('refuses an unknown primitive name', () => {
    expect(() => valueTypeOf('str' as never)).toThrow("unknown attribute type 'str'");
  });

  it('builds the object type of a schema: attributes and blocks by sorted name, write-only flagged', () => {
    const t = objectTypeOf({
      attributes: [
        { name: 'zeta', type: 'string', optional: true },
        { name: 'alpha_wo', type: 'string', optional: true, writeOnly: true },
      ],
      blocks: [{ typeName: 'middle', nesting: 'set', attributes: [] }],
    });
    if (t.kind !== 'object') throw new Error('not an object');
    expect([...t.attributes.keys()]).toEqual(['alpha_wo', 'middle', 'zeta']);
    expect(t.attributes.get('alpha_wo')?.writeOnly).toBe(true);
    expect(t.attributes.get('middle')?.type).toMatchObject({ kind: 'set', neverNull: true });
  });

  it('names an attribute that has neither a type nor nested attributes', () => {
    expect(() => objectTypeOf({ attributes: [{ name: 'broken', optional: true }] })).toThrow("attribute 'broken' has neither a type nor nested attributes");
  });
});
