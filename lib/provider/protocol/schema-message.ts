// The contract's schemas as tfplugin6.Schema messages: attribute types as cty JSON type
// constraints, nested attributes (protocol v6 nested_type) and blocks of every nesting mode,
// required/optional/computed/sensitive/write-only flags.
import type { AttributeSchema, BlockSchema, ResourceSchema } from '../resource-type';
import { ctyTypeJson } from '../codec/value-type';

const NESTING = { single: 1, list: 2, set: 3, map: 4 } as const;

function attributeMessage(a: AttributeSchema): object {
  const base = {
    name: a.name,
    description: a.description ?? '',
    required: a.required === true,
    optional: a.optional === true,
    computed: a.computed === true,
    sensitive: a.sensitive === true || a.writeOnly === true,
    write_only: a.writeOnly === true,
  };
  if (a.nested) {
    return { ...base, nested_type: { attributes: a.nested.attributes.map(attributeMessage), nesting: NESTING[a.nested.nesting] } };
  }
  if (a.type === undefined) throw new Error(`attribute '${a.name}' has neither a type nor nested attributes`);
  return { ...base, type: Buffer.from(JSON.stringify(ctyTypeJson(a.type))) };
}

function blockMessage(b: BlockSchema): object {
  return {
    type_name: b.typeName,
    nesting: NESTING[b.nesting],
    block: { attributes: b.attributes.map(attributeMessage), description: b.description ?? '' },
  };
}

export function schemaMessage(s: ResourceSchema): object {
  return {
    version: s.version,
    block: {
      version: s.version,
      attributes: s.attributes.map(attributeMessage),
      block_types: (s.blocks ?? []).map(blockMessage),
      description: s.description ?? '',
    },
  };
}
