// Questions the host asks of values against their type: which write-only attributes a
// configuration sets (refused before Terraform 1.11), and where an unknown is left in a state
// that must be wholly known (after apply).
import { isUnknown, type AttributePath, type TfValue } from '../resource-type';
import type { ValueType } from './value-type';

/** Paths of the write-only attributes `value` sets (not null), nested ones included. */
export function writeOnlyPathsSet(value: TfValue, type: ValueType, path: AttributePath = []): AttributePath[] {
  if (value === null || isUnknown(value) || typeof value !== 'object') return [];
  if (type.kind === 'object' && !Array.isArray(value)) {
    const out: AttributePath[] = [];
    for (const [name, at] of type.attributes) {
      const v = value[name];
      if (v === undefined || v === null) continue;
      if (at.writeOnly) out.push([...path, { attr: name }]);
      else out.push(...writeOnlyPathsSet(v, at.type, [...path, { attr: name }]));
    }
    return out;
  }
  if ((type.kind === 'list' || type.kind === 'set') && Array.isArray(value)) {
    return value.flatMap((e, i) => writeOnlyPathsSet(e, type.element, [...path, { index: i }]));
  }
  if (type.kind === 'map' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, e]) => writeOnlyPathsSet(e, type.element, [...path, { key: k }]));
  }
  return [];
}

/** The path of the first unknown value inside `value`, or undefined when it is wholly known. */
export function firstUnknownPath(value: TfValue, path: AttributePath = []): AttributePath | undefined {
  if (isUnknown(value)) return path;
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = firstUnknownPath(value[i], [...path, { index: i }]);
      if (p) return p;
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(value)) {
    const p = firstUnknownPath(v, [...path, { attr: k }]);
    if (p) return p;
  }
  return undefined;
}
