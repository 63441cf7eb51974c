// Builds the handlers' BridgeSpec from Terraform values: references are plain ids, secrets come
// from the write-only attribute (the value) or `F_env` / `F_file` (`$secret` references the
// resolver reads), `owner` → self.owner, the parent id → self.parent, natural keys from fields.
import { SPEC_VERSION, type BridgeSpec, type ObjectRef, type SpecValue } from '../../spec/spec';
import type { FieldSpec } from '../../catalog/types';
import { type TfObject, type TfValue, isUnknown } from '../resource-type';
import { toWire } from './field-values';
import type { KindModel } from './schema';
import { secretSpecValue } from './secrets';
import { type TimeoutOperation, timeoutSeconds } from './timeouts';

export interface SpecOptions {
  readonly operation: TimeoutOperation;
  /** Config (holds write-only values); null for a delete. */
  readonly config: TfObject | null;
  /** Send the secrets (create, or an update whose secret version or reference changed). */
  readonly secrets: 'all' | 'none' | ((field: FieldSpec) => boolean);
  readonly endpoint: string;
  /** The stack instance whose ownership labels the object carries (the provider block's). */
  readonly identity: { readonly stack: string; readonly instance: string };
}

function str(v: TfValue | undefined): string | undefined {
  return typeof v === 'string' && v !== '' && !isUnknown(v) ? v : undefined;
}

/** How a message names the resource: its owner label, else the type and id. */
export function resourcePath(model: KindModel, values: TfObject): string {
  return str(values.owner) ?? `${model.typeName}${str(values.id) ? ` ${String(values.id)}` : ''}`;
}

/** The ObjectRef of the object `values` describe. `byId`: the object exists (update, delete, read). */
export function selfRef(model: KindModel, values: TfObject, byId: boolean): ObjectRef {
  const { kind } = model;
  const parentId = model.parentField ? str(values[model.parentField]) : undefined;
  const parent: ObjectRef | undefined = kind.parent && parentId ? { kind: kind.parent.kind, id: parentId } : undefined;
  const owner = kind.labelable ? str(values.owner) : undefined;
  const base = { kind: kind.kind, path: resourcePath(model, values), ...(parent ? { parent } : {}), ...(owner ? { owner, label: owner } : {}) };
  if (kind.singleton) return base;
  const id = str(values.id);
  if (byId && id) return { ...base, id };
  if (kind.identity.by === 'natural') {
    const natural: Record<string, string> = {};
    for (const f of kind.identity.fields) {
      const v = values[f];
      if (v !== null && v !== undefined && !isUnknown(v) && typeof v !== 'object') natural[f] = String(v);
    }
    return { ...base, natural };
  }
  return base;
}

/** The empty wire value that clears an optional field IMCO keeps otherwise. */
function emptyOf(field: FieldSpec): SpecValue | undefined {
  switch (field.type) {
    case 'string':
      return '';
    case 'string[]':
    case 'object[]':
      return [];
    case 'object':
      return {};
    default:
      return undefined;
  }
}

function specFields(model: KindModel, values: TfObject, opts: SpecOptions): Record<string, SpecValue> {
  const fields: Record<string, SpecValue> = {};
  for (const f of model.fields) {
    const wire = toWire(f, values[f.name]);
    if (wire !== undefined) fields[f.name] = wire as SpecValue;
    else if (opts.operation === 'update' && !f.defaulted && model.kind.updateFields.includes(f.name)) {
      const empty = emptyOf(f);
      if (empty !== undefined) fields[f.name] = empty;
    }
  }
  for (const [name, value] of Object.entries(model.extras.specFields?.(values) ?? {})) if (!(name in fields)) fields[name] = value;
  for (const s of model.secrets) {
    const send = opts.secrets === 'all' || (typeof opts.secrets === 'function' && opts.secrets(s));
    const value = send ? secretSpecValue(s, opts.config) : undefined;
    if (value !== undefined) fields[s.name] = value;
  }
  return fields;
}

/** The spec one handler invocation needs for `values` (planned on create/update, prior on delete). */
export function buildSpec(model: KindModel, values: TfObject, opts: SpecOptions): BridgeSpec {
  return {
    version: SPEC_VERSION,
    kind: model.kind.kind,
    stack: opts.identity.stack,
    instance: opts.identity.instance,
    path: resourcePath(model, values),
    endpoint: opts.endpoint,
    self: selfRef(model, values, opts.operation !== 'create'),
    fields: specFields(model, values, opts),
    extras: model.extras.specExtras(values),
    timeoutSeconds: timeoutSeconds(values, opts.operation, model.kind.waitTimeoutSeconds),
  };
}
