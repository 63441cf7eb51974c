// The two halves of the provider flavour agree: every resource the constructs synthesize (one of
// every kind, with parts and actions) names only attributes and blocks that the provider's
// generated schema of its type declares, sets every required one, and leaves computed-only
// attributes to the provider.
import { Secret, type ImcoObject } from '../../lib/constructs';
import { providerDefinition } from '../../lib/provider/definition';
import type { AttributeSchema, ResourceSchema } from '../../lib/provider/resource-type';
import { buildEveryKind, makeStack, synthJson, validationErrors, withEnv, type Json } from '../constructs/helpers';

const SECRET_ENV = { PM_PSK: 'psk-never', PM_KEY: 'key-never', PM_DATA: '{"license_key":"lic-never"}' };

function synthesized(): Record<string, Record<string, Json>> {
  return withEnv(SECRET_ENV, () => {
    const { stack } = makeStack({ flavour: 'provider' });
    buildEveryKind(stack, {
      psk: Secret.fromEnv('PM_PSK'),
      privateKey: Secret.fromEnv('PM_KEY'),
      accountData: Secret.fromEnv('PM_DATA', { format: 'json' }),
    }) as Record<string, ImcoObject>;
    expect(validationErrors(stack)).toEqual([]);
    return synthJson(stack).resource as Record<string, Record<string, Json>>;
  });
}

const META = new Set(['depends_on', 'lifecycle', 'provider', 'count', 'for_each', '//']);

function problemsOf(type: string, body: Json, schema: ResourceSchema): string[] {
  const problems: string[] = [];
  const attrs = new Map<string, AttributeSchema>(schema.attributes.map((a) => [a.name, a]));
  const blocks = new Set((schema.blocks ?? []).map((b) => b.typeName));
  for (const key of Object.keys(body)) {
    if (META.has(key) || blocks.has(key)) continue;
    const a = attrs.get(key);
    if (!a) problems.push(`${type}: '${key}' is not in the schema`);
    else if (a.computed && !a.optional && !a.required) problems.push(`${type}: '${key}' is computed only`);
  }
  for (const a of schema.attributes) if (a.required && !(a.name in body)) problems.push(`${type}: required '${a.name}' missing`);
  return problems;
}

test('every synthesized imco_* resource fits its generated schema', () => {
  const schemas = new Map(providerDefinition().resources.map((r) => [r.typeName, r.schema]));
  const resources = synthesized();
  const problems: string[] = [];
  for (const [type, byName] of Object.entries(resources)) {
    const schema = schemas.get(type);
    if (!schema) {
      problems.push(`${type}: no such resource type in the provider`);
      continue;
    }
    for (const body of Object.values(byName)) problems.push(...problemsOf(type, body, schema));
  }
  expect(problems).toEqual([]);
  expect(Object.keys(resources).length).toBeGreaterThan(10);
});
