// Catalog-driven body checks: reads the fields a create, update or action accepts from a request
// body (input aliases such as `public-key` included, unknown keys ignored), checks required
// fields, JSON types, enumerations and references to other objects, and collects 422 messages.
// Messages never quote the value of a secret field.
import { kindSpec, type FieldSpec, type FieldType } from '../catalog';
import type { EmulatorServices } from './services';
import type { ErrorCollector } from './http-errors';

export type FieldMode = 'create' | 'update';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const TYPE_MESSAGES: Record<FieldType, string> = {
  string: 'must be a string',
  integer: 'must be an integer (a JSON number without fraction)',
  number: 'must be a number',
  boolean: 'must be true or false',
  'string[]': 'must be an array of strings',
  object: 'must be a JSON object',
  'object[]': 'must be an array of JSON objects',
};

/** Whether `value` has the JSON type of `type`. */
export function hasType(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'object':
      return isPlainObject(value);
    case 'object[]':
      return Array.isArray(value) && value.every(isPlainObject);
  }
}

/** The value sent for a field under its wire name or one of its aliases (undefined when absent). */
export function fieldValue(body: Readonly<Record<string, unknown>>, field: FieldSpec): unknown {
  for (const name of [field.name, ...(field.aliases ?? [])]) {
    if (body[name] !== undefined) return body[name];
  }
  return undefined;
}

/**
 * Reads `fields` from `body`. Absent or null optional fields are left out; in create mode a
 * missing required field is an error; in update mode a required field may be left out but not
 * blanked. References must name an existing object of the referenced kind.
 */
export function readFields(
  ctx: EmulatorServices,
  body: Readonly<Record<string, unknown>>,
  fields: readonly FieldSpec[],
  errors: ErrorCollector,
  mode: FieldMode,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = fieldValue(body, field);
    if (value === undefined || value === null) {
      if (field.required && mode === 'create') errors.add(field.name, `can't be blank; send ${field.name} (${field.type})`);
      continue;
    }
    if (!hasType(value, field.type)) {
      errors.add(field.name, TYPE_MESSAGES[field.type]);
      continue;
    }
    if (field.required && (value === '' || (Array.isArray(value) && value.length === 0))) {
      errors.add(field.name, `can't be blank; send a non-empty ${field.name}`);
      continue;
    }
    if (field.enum && typeof value === 'string' && !field.enum.includes(value)) {
      errors.add(field.name, `is not included in the list; use one of ${field.enum.join(', ')}`);
      continue;
    }
    if (field.ref && typeof value === 'string' && value !== '') {
      const ref = kindSpec(field.ref);
      if (!ctx.store.get(ref.kind, value)) {
        errors.add(field.name, `refers to no ${ref.title} with id '${value}'; list them with GET ${ref.collectionPath}`);
        continue;
      }
    }
    out[field.name] = value;
  }
  return out;
}

/** A value every optional field of a type gets when it is not sent (strings are never null). */
export function emptyValue(type: FieldType): unknown {
  switch (type) {
    case 'string':
      return '';
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'string[]':
    case 'object[]':
      return [];
    case 'object':
      return {};
  }
}
