// Provider-flavour attributes of one object: the same desired state the provisioner flavours hand to
// imco-bridge (BridgeSpec fields and extras, secret fingerprints), turned into the attributes of its
// `imco_<kind>` resource as the provider conventions name them. References to managed objects become
// Terraform references (their resource's `id`); secrets become `F_env`/`F_file` + `F_version`.
import { isRef, isSecret, type BridgeSpec, type ObjectRef, type SpecValue } from '../../spec/spec';
import { kindSpec } from '../../catalog';
import { escapeTemplate, jsonForTerraform } from '../escape';

/** Fields whose attribute is a string of JSON (`jsonencode(...)` in HCL), not a nested value. */
const JSON_TEXT_FIELDS: ReadonlySet<string> = new Set(['configuration_attributes', 'cookbook_versions']);

export interface AttributeInput {
  readonly spec: BridgeSpec;
  /** Secret fingerprints by field, as the provisioner flavours compute them. */
  readonly fingerprints: Readonly<Record<string, string>>;
  /** The `id` token of the resource of a managed object a ref names; undefined when it is not managed here. */
  readonly refId: (ref: ObjectRef) => string | undefined;
}

export interface Attributes {
  readonly attributes: Record<string, unknown>;
  readonly problems: readonly string[];
}

/** The attributes of `spec`'s fields and extras (template scripts and attachments are resources of their own). */
export function objectAttributes(input: AttributeInput): Attributes {
  const attributes: Record<string, unknown> = {};
  const problems: string[] = [];
  const live = new Set<string>();
  /** Refs → `id` tokens; strings escaped for Terraform unless the whole value is JSON-encoded later. */
  const convert = (v: SpecValue, field: string, escape: boolean): unknown => {
    if (typeof v === 'string') return escape ? escapeTemplate(v) : v;
    if (isRef(v)) {
      const token = referenceValue(v.$ref, field, input.refId, problems);
      if (token !== undefined) live.add(token);
      return token;
    }
    if (Array.isArray(v)) return v.map((x: SpecValue) => convert(x, field, escape));
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v as Record<string, SpecValue>).map(([k, x]) => [k, convert(x, field, escape)]));
    }
    return v;
  };
  for (const [field, v] of Object.entries(input.spec.fields)) {
    const byName = nameAttribute(input.spec.kind, field, v, input.refId);
    if (byName) {
      attributes[byName.attribute] = escapeTemplate(byName.name);
    } else if (isSecret(v)) {
      if (v.$secret.env !== undefined) attributes[`${field}_env`] = v.$secret.env;
      else attributes[`${field}_file`] = escapeTemplate(v.$secret.file ?? '');
      attributes[`${field}_version`] = input.fingerprints[field];
    } else if (JSON_TEXT_FIELDS.has(field)) {
      // jsonForTerraform escapes the literal text itself and splices the `id` tokens in live.
      attributes[field] = jsonForTerraform(convert(v, field, false), (t) => live.has(t));
    } else {
      attributes[field] = convert(v, field, true);
    }
  }
  Object.assign(attributes, extrasAttributes(input, problems));
  return { attributes, problems };
}

/** The `<x>_name` attribute a by-name reference becomes, when the provider resolves it. */
function nameAttribute(kind: string, field: string, v: SpecValue, refId: AttributeInput['refId']): { attribute: string; name: string } | undefined {
  const spec = kindSpec(kind);
  const rule = spec.byName?.find((b) => b.field === field);
  const refKind = spec.createFields.find((f) => f.name === field)?.ref;
  if (!rule || !isRef(v) || v.$ref.kind !== refKind || refId(v.$ref) !== undefined) return undefined;
  const name = v.$ref.natural?.name;
  return typeof name === 'string' ? { attribute: rule.attribute, name } : undefined;
}

/** Power state, size, compile, attachment and cookbook archive. */
function extrasAttributes(input: AttributeInput, problems: string[]): Record<string, unknown> {
  const extras = input.spec.extras;
  const out: Record<string, unknown> = {};
  if (extras.power !== undefined) out.power_state = extras.power;
  if (extras.size !== undefined) out.size = extras.size;
  if (extras.compile !== undefined) out.compile = extras.compile;
  if (extras.attachTo) out.attached_server_id = referenceValue(extras.attachTo.$ref, 'attached_server_id', input.refId, problems);
  if (extras.archive) {
    out.archive = escapeTemplate(extras.archive.path);
    out.archive_sha256 = extras.archive.sha256;
  }
  return out;
}

/** A reference: the managed object's `id` token, a fixed id, or a problem (resolved only by imco-bridge). */
function referenceValue(ref: ObjectRef, field: string, refId: AttributeInput['refId'], problems: string[]): string | undefined {
  const token = refId(ref);
  if (token !== undefined) return token;
  if (ref.id !== undefined) return escapeTemplate(ref.id);
  const named = ref.natural ? ` (${Object.entries(ref.natural).map(([k, v]) => `${k} '${v}'`).join(', ')})` : '';
  problems.push(
    `${field}: the ${ref.kind.replace(/_/g, ' ')}${named} is looked up by imco-bridge when the object is created, which the provider flavour does not do; give its id instead`,
  );
  return undefined;
}
