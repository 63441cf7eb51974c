// Catalog field ↔ Terraform value: the attribute type of a wire field, the wire value of a Terraform
// value (JSON text parsed, nested items kept to their members), the Terraform value of a live wire
// value, and semantic equality (JSON by content, firewall rules as a set, empty and absent alike).
import type { FieldSpec } from '../../catalog/types';
import { sameValue } from '../../handlers/compare';
import { type CtyType, type TfObject, type TfValue, isUnknown } from '../resource-type';

/** The Terraform type of a scalar or collection field (nested object lists are `nested`, see schema.ts). */
export function ctyTypeOf(field: FieldSpec): CtyType {
  switch (field.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'bool';
    case 'string[]':
      return ['list', 'string'];
    case 'object':
      if (field.shape === 'string-map') return ['map', 'string'];
      return 'string';
    case 'object[]':
      return ['list', ['map', 'string']];
  }
}

/** True for fields whose Terraform value is a nested attribute (firewall rules). */
export function isNested(field: FieldSpec): boolean {
  return !!field.items && (field.type === 'object[]' || field.type === 'object');
}

/** True for free-form JSON objects carried as JSON text. */
export function isJsonText(field: FieldSpec): boolean {
  return field.type === 'object' && field.shape !== 'string-map' && !field.items;
}

/** Parses JSON text of a JSON field; undefined when it is not a JSON object. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The wire value of a known Terraform value (undefined for null). */
export function toWire(field: FieldSpec, value: TfValue): unknown {
  if (value === null || value === undefined || isUnknown(value)) return undefined;
  if (isJsonText(field)) return typeof value === 'string' ? parseJsonObject(value) : value;
  if (isNested(field) && Array.isArray(value)) return value.map((item) => pick(field.items!, item as TfObject));
  if (isNested(field)) return pick(field.items!, value as TfObject);
  return value;
}

function pick(members: readonly FieldSpec[], obj: TfObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const m of members) if (obj[m.name] !== null && obj[m.name] !== undefined) out[m.name] = toWire(m, obj[m.name]);
  return out;
}

/** Canonical JSON text (sorted keys): what a JSON field's live value reads back as. */
export function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v as Record<string, unknown>).sort()) out[k] = sort((v as Record<string, unknown>)[k]);
      return out;
    }
    return v;
  };
  return JSON.stringify(sort(value));
}

/** The Terraform value of a live wire value (members outside the item shape dropped). */
export function fromWire(field: FieldSpec, live: unknown): TfValue {
  if (live === undefined || live === null) return null;
  if (isJsonText(field)) return typeof live === 'string' ? live : canonicalJson(live);
  if (isNested(field)) {
    const one = (item: unknown): TfObject => {
      const out: TfObject = {};
      for (const m of field.items!) out[m.name] = fromWire(m, (item as Record<string, unknown>)[m.name]);
      return out;
    };
    return Array.isArray(live) ? live.map(one) : one(live);
  }
  if (field.type === 'integer' || field.type === 'number') return typeof live === 'number' ? live : Number(live);
  if (field.type === 'string[]') return Array.isArray(live) ? live.map((v) => String(v)) : [];
  if (field.type === 'object' && field.shape === 'string-map') {
    const out: TfObject = {};
    for (const [k, v] of Object.entries(live as Record<string, unknown>)) out[k] = typeof v === 'string' ? v : JSON.stringify(v);
    return out;
  }
  return live as TfValue;
}

/** True when two Terraform values of `field` mean the same to IMCO (unknown is never the same). */
export function sameTf(kind: string, field: FieldSpec, a: TfValue | undefined, b: TfValue | undefined): boolean {
  if (isUnknown(a) || isUnknown(b)) return false;
  if (isJsonText(field) && typeof a === 'string' && typeof b === 'string') {
    const pa = parseJsonObject(a);
    const pb = parseJsonObject(b);
    if (pa === undefined || pb === undefined) return a === b;
    return sameValue(kind, field.name, pa, pb);
  }
  return sameValue(kind, field.name, toWire(field, a ?? null), toWire(field, b ?? null));
}
