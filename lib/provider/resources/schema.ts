// Resource schemas generated from the catalog: one `imco_<kind>` per managed kind. Attributes are
// the wire names: `id` (computed), the create fields (required/optional as the catalog says,
// optional+computed where IMCO fills a default), the parent's id, `owner`, the secret attributes,
// typed computed response fields, the kind's extras and a `timeouts` block. The model kept beside
// the schema tells the plan rules which attributes force replacement, are computed or write-only.
import { managedKinds } from '../../catalog';
import type { FieldSpec, KindSpec } from '../../catalog/types';
import type { AttributeSchema, ResourceSchema } from '../resource-type';
import { ctyTypeOf, isNested } from './field-values';
import { providerHooksOf } from '../../kinds/provider-hooks';
import type { ProviderHooks } from './kind-hooks';
import { secretAttr, secretAttributes, storedSecretAttributes } from './secrets';
import { timeoutsBlock } from './timeouts';

/** Computed attributes that never change after create: kept as they are by an in-place update. */
export const STABLE_COMPUTED: ReadonlySet<string> = new Set(['id', 'endpoint']);

/** Bumped when the state shape changes incompatibly (then `upgrade` converts older state). */
export const SCHEMA_VERSION = 0;

export interface KindModel {
  readonly kind: KindSpec;
  readonly typeName: string;
  readonly schema: ResourceSchema;
  /** Wire fields that are attributes of their own (create fields minus label_ids, secrets, extras). */
  readonly fields: readonly FieldSpec[];
  readonly secrets: readonly FieldSpec[];
  /** The parent's id attribute (`vpc_id` of a subnet). */
  readonly parentField?: string;
  /** Typed computed response fields. */
  readonly computedFields: readonly FieldSpec[];
  /** Attributes whose change forces replacement. */
  readonly replaceOnChange: ReadonlySet<string>;
  /** Computed-only attributes (id, state, …): unknown on create, and on an in-place update. */
  readonly computedOnly: ReadonlySet<string>;
  /** Optional and computed attributes: null in configuration means "whatever IMCO has". */
  readonly optionalComputed: ReadonlySet<string>;
  /**
   * Optional lists IMCO gives as `[]` when a create leaves them out (a firewall profile's rules):
   * left out and `[]` mean the same, so they are optional+computed and the plan writes the empty
   * list for a left-out one (an import of a profile without rules plans no change either way).
   */
  readonly emptyWhenOmitted: ReadonlySet<string>;
  readonly writeOnly: ReadonlySet<string>;
  /**
   * Attributes that only say where a value comes from (secret `F_env`/`F_file`, a file path, a name
   * to look up) while another attribute carries the value (`F_version`, a digest, an id). A state
   * from an import or a move cannot know them (null): setting one there is recorded in place, not
   * a replacement; any other change of one forces replacement as `replaceOnChange` says.
   */
  readonly locators: ReadonlySet<string>;
  /** The kind's provider hooks (lib/kinds/<kind>/provider.ts): extra attributes, plan rules, spec extras. */
  readonly extras: ProviderHooks;
}

/** How an import id of the kind is written: `<id>`, `<parent_id>/<id>`, or the parent's id for a singleton. */
export function importIdForm(kind: KindSpec): string {
  if (kind.singleton) return `<${kind.parent!.field}>`;
  if (kind.parent) return `<${kind.parent.field}>/<id>`;
  return '<id>';
}

export function typeNameOf(kind: string): string {
  return `imco_${kind}`;
}

/** The attribute of one wire field. */
export function fieldAttribute(field: FieldSpec, opts: { required?: boolean; computedOnly?: boolean } = {}): AttributeSchema {
  const presence = opts.computedOnly
    ? { computed: true }
    : opts.required ?? field.required
      ? { required: true }
      : field.defaulted
        ? { optional: true, computed: true }
        : { optional: true };
  const description = field.description ?? (field.ref ? `Id of the ${field.ref.replace(/_/g, ' ')}.` : undefined);
  if (isNested(field)) {
    const nesting = field.type === 'object[]' ? ('list' as const) : ('single' as const);
    const attributes = field.items!.map((m) => fieldAttribute(m, { computedOnly: opts.computedOnly }));
    return { name: field.name, nested: { nesting, attributes }, description, ...presence };
  }
  return { name: field.name, type: ctyTypeOf(field), description, ...presence };
}

function ownerAttribute(kind: KindSpec): AttributeSchema {
  return {
    name: 'owner',
    type: 'string',
    optional: true,
    description: kind.labelable
      ? 'Ownership label name: its id goes into the create body, and a create that finds an object carrying it adopts that object (crash-safe creates). Changing it does not replace.'
      : `Ownership name, informational: a ${kind.title} is identified by ${kind.parent ? 'its parent and ' : ''}its natural key.`,
  };
}

/** The model (schema and plan facts) of one managed kind. */
export function kindModel(kind: KindSpec): KindModel {
  const extras = providerHooksOf(kind.kind);
  const fields = kind.createFields.filter((f) => f.name !== 'label_ids' && !f.secret && !extras.handledFields.includes(f.name));
  const secrets = kind.createFields.filter((f) => f.secret);
  const parentField = kind.parent?.field;
  const computedFields = (kind.computedFields ?? []).filter((c) => c.name !== parentField && !fields.some((f) => f.name === c.name));
  const attributes: AttributeSchema[] = [
    { name: 'id', type: 'string', computed: true, description: `IMCO id of the ${kind.title}.` },
    { name: 'endpoint', type: 'string', computed: true, description: 'The IMCO endpoint the object lives on: updates and deletes refuse another one.' },
  ];
  if (parentField) {
    attributes.push({ name: parentField, type: 'string', required: true, description: `Id of the parent ${kind.parent!.kind.replace(/_/g, ' ')} (a change replaces).` });
  }
  const emptyWhenOmitted = new Set(fields.filter((f) => (f.type === 'object[]' || f.type === 'string[]') && !f.required && !f.defaulted).map((f) => f.name));
  const computedToo = (f: FieldSpec) => extras.suppliedFields?.includes(f.name) || emptyWhenOmitted.has(f.name);
  attributes.push(...fields.map((f) => (computedToo(f) ? { ...fieldAttribute(f), required: false, optional: true, computed: true } : fieldAttribute(f))));
  attributes.push(ownerAttribute(kind));
  for (const s of secrets) attributes.push(...secretAttributes(s));
  attributes.push(...computedFields.map((c) => fieldAttribute(c, { computedOnly: true })));
  attributes.push(...extras.attributes);
  const replace = new Set<string>([...kind.immutableFields.filter((f) => fields.some((x) => x.name === f)), ...extras.replace]);
  if (parentField) replace.add(parentField);
  // A secret IMCO cannot update in place (a VPN's psk) is rotated by replacing the object.
  for (const s of secrets) if (!kind.updateFields.includes(s.name)) storedSecretAttributes(s).forEach((a) => replace.add(a));
  return {
    kind,
    typeName: typeNameOf(kind.kind),
    schema: {
      version: SCHEMA_VERSION,
      description: `An IMCO ${kind.title} (API v2 ${kind.collectionPath}). Import id: ${importIdForm(kind)}.`,
      attributes,
      blocks: [timeoutsBlock(kind.waitTimeoutSeconds)],
    },
    fields,
    secrets,
    parentField,
    computedFields,
    replaceOnChange: replace,
    computedOnly: new Set(attributes.filter((a) => a.computed && !a.optional).map((a) => a.name)),
    optionalComputed: new Set(attributes.filter((a) => a.computed && a.optional).map((a) => a.name)),
    emptyWhenOmitted,
    writeOnly: new Set(attributes.filter((a) => a.writeOnly).map((a) => a.name)),
    locators: new Set([...secrets.flatMap((s) => [secretAttr.env(s.name), secretAttr.file(s.name)]), ...(extras.locators ?? [])]),
    extras,
  };
}

/** Models of every managed kind, in catalog order. */
export function kindModels(): KindModel[] {
  return managedKinds().map(kindModel);
}

/** Attributes of a model kept in state that the user configures (not computed-only, not write-only). */
export function configuredAttributes(model: KindModel): string[] {
  return model.schema.attributes.filter((a) => !model.computedOnly.has(a.name) && !a.writeOnly).map((a) => a.name);
}

export { storedSecretAttributes };
