// How a kind folder writes its catalog entry: `defineKind` derives the immutable, secret and
// response fields from the create/update field lists; the small field builders keep entries short.
import type { FieldSpec, KindSpec } from './types';

export type KindInput = Omit<KindSpec, 'immutableFields' | 'secretFields' | 'responseFields'> & {
  readonly responseFields?: readonly string[];
  /** Create fields that are write-once but not desired state (e.g. label_ids). */
  readonly notDesired?: readonly string[];
};

/** Builds a KindSpec, deriving immutable and secret fields from the create/update field lists. */
export function defineKind(input: KindInput): KindSpec {
  const { notDesired, ...spec } = input;
  const skip = new Set(['label_ids', ...(notDesired ?? [])]);
  const immutableFields = spec.createFields
    .filter((f) => !skip.has(f.name) && !spec.updateFields.includes(f.name) && !f.secret)
    .map((f) => f.name);
  const secretFields = spec.createFields.filter((f) => f.secret).map((f) => f.name);
  const responseFields =
    input.responseFields ??
    spec.createFields.filter((f) => !f.secret).map((f) => f.name);
  return { ...spec, immutableFields, secretFields, responseFields };
}

/** A read-only catalogue kind (looked up by name at synth time, never created). */
export function readOnlyKind(
  kind: string,
  title: string,
  namespace: KindSpec['namespace'],
  collectionPath: string,
  responseFields: string[],
  extra: Partial<KindInput> = {},
): KindSpec {
  return defineKind({
    kind,
    resourceType: kind,
    title,
    namespace,
    collectionPath,
    operations: extra.itemPath ? ['list', 'show'] : ['list'],
    labelable: false,
    identity: { by: 'lookup' },
    nameField: responseFields.includes('name') ? 'name' : undefined,
    createFields: [],
    updateFields: [],
    responseFields,
    waitTimeoutSeconds: 60,
    ...extra,
  });
}

export const str = (name: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, type: 'string', ...extra });
export const req = (name: string, extra: Partial<FieldSpec> = {}): FieldSpec => str(name, { required: true, ...extra });
export const labelIds: FieldSpec = { name: 'label_ids', type: 'string[]' };
export const json = (name: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, type: 'object', shape: 'json', ...extra });
export const stringMap = (name: string): FieldSpec => ({ name, type: 'object', shape: 'string-map' });
export const computed = (name: string, type: FieldSpec['type'] = 'string'): FieldSpec => ({ name, type });
export const state = computed('state');
