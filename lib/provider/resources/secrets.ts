// Secret fields (VPN psk, SSH private key, SaaS account data) as Terraform attributes: for a field F,
// `F_wo` (write-only, sensitive: the value only ever in configuration), or `F_env` / `F_file` (an
// environment variable name / a file path the provider reads at apply time), and `F_version` (a
// change plans an in-place update that sends the secret again). No value ever reaches plan or state.
import type { SecretRef, SpecValue } from '../../spec/spec';
import type { FieldSpec } from '../../catalog/types';
import { type AttributeSchema, type Diagnostic, type TfObject, isUnknown } from '../resource-type';
import { isJsonText, parseJsonObject } from './field-values';

export const secretAttr = {
  wo: (f: string) => `${f}_wo`,
  env: (f: string) => `${f}_env`,
  file: (f: string) => `${f}_file`,
  version: (f: string) => `${f}_version`,
};

export function secretAttributes(field: FieldSpec): AttributeSchema[] {
  const what = isJsonText(field) ? 'a JSON object' : 'the value';
  return [
    {
      name: secretAttr.wo(field.name),
      type: 'string',
      optional: true,
      sensitive: true,
      writeOnly: true,
      description: `${field.name}: ${what}, write-only (Terraform >= 1.11): never stored in plan or state.`,
    },
    { name: secretAttr.env(field.name), type: 'string', optional: true, description: `${field.name}: name of an environment variable holding ${what}, read at apply time.` },
    { name: secretAttr.file(field.name), type: 'string', optional: true, description: `${field.name}: path of a file holding ${what}, read at apply time.` },
    { name: secretAttr.version(field.name), type: 'string', optional: true, description: `${field.name}: any text; a change sends the secret again (rotation).` },
  ];
}

/** The names of a secret field's attributes that are kept in state (all but the write-only one). */
export function storedSecretAttributes(field: FieldSpec): string[] {
  return [secretAttr.env(field.name), secretAttr.file(field.name), secretAttr.version(field.name)];
}

/** The spec value of a secret field: the write-only value, or a reference the resolver reads. */
export function secretSpecValue(field: FieldSpec, config: TfObject | null): SpecValue | undefined {
  const wo = config?.[secretAttr.wo(field.name)];
  const format = isJsonText(field) ? 'json' : 'text';
  if (typeof wo === 'string') {
    if (format !== 'json') return wo;
    const parsed = parseJsonObject(wo);
    return parsed === undefined ? undefined : (parsed as SpecValue);
  }
  const env = config?.[secretAttr.env(field.name)];
  const file = config?.[secretAttr.file(field.name)];
  const ref: SecretRef | undefined =
    typeof env === 'string' ? { env, format } : typeof file === 'string' ? { file, format } : undefined;
  return ref ? { $secret: ref } : undefined;
}

/** True when an update must send the secret again: its version or its reference changed. */
export function secretChanged(field: FieldSpec, prior: TfObject | null, planned: TfObject): boolean {
  if (!prior) return true;
  return storedSecretAttributes(field).some((a) => JSON.stringify(prior[a] ?? null) !== JSON.stringify(planned[a] ?? null));
}

/** Configuration problems of a secret field: none or several sources, a required one missing, bad JSON. */
export function secretProblems(field: FieldSpec, config: TfObject): Diagnostic[] {
  const names = [secretAttr.wo(field.name), secretAttr.env(field.name), secretAttr.file(field.name)];
  const given = names.filter((n) => config[n] !== null && config[n] !== undefined);
  const out: Diagnostic[] = [];
  if (given.length > 1) {
    out.push({
      severity: 'error',
      summary: `give ${field.name} one way only: set one of ${names.join(', ')}`,
      attribute: [{ attr: given[1] }],
    });
  }
  if (given.length === 0 && field.required) {
    out.push({
      severity: 'error',
      summary: `${field.name} is required: set ${names[0]} (write-only), ${names[1]} (environment variable) or ${names[2]} (file path)`,
      attribute: [{ attr: names[0] }],
    });
  }
  const wo = config[names[0]];
  if (isJsonText(field) && typeof wo === 'string' && !isUnknown(wo) && parseJsonObject(wo) === undefined) {
    out.push({ severity: 'error', summary: `${names[0]} must be a JSON object (use jsonencode({ ... }))`, attribute: [{ attr: names[0] }] });
  }
  return out;
}
