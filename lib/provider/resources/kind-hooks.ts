// The shape of a kind's provider hooks: what an `imco_<kind>` resource carries beyond the catalog's
// wire fields (attributes of its own, plan-time rules, the handlers' spec extras they map to, a
// create of its own). Each kind's hooks live in lib/kinds/<kind>/provider.ts, gathered by the table
// lib/kinds/provider-hooks.ts; a kind without any gets NO_PROVIDER_HOOKS.
import type { SpecExtras, SpecValue } from '../../spec/spec';
import type { LiveObject } from '../../handlers/api';
import type { InvocationContext } from '../../handlers/invocation-context';
import { type AttributeSchema, type Diagnostic, type TfObject, type TfValue, isUnknown } from '../resource-type';

export interface ProviderHooks {
  readonly attributes: readonly AttributeSchema[];
  /** Extra attributes whose change forces replacement. */
  readonly replace: readonly string[];
  /** Catalog create fields these extras carry instead (not attributes of their own). */
  readonly handledFields: readonly string[];
  /** The handlers' spec extras from planned (known) values. */
  specExtras(values: TfObject): SpecExtras;
  /** The extra attributes' values from the live object (prior for what IMCO does not return). */
  fromLive(live: LiveObject, prior: TfObject): TfObject;
  /** Plan-time rules; may fill computed extras of `planned` (digests of files not given in `config`). */
  plan(prior: TfObject | null, planned: TfObject, config: TfObject): Diagnostic[];
  /** Create fields an extra attribute can supply instead: optional + computed rather than required. */
  readonly suppliedFields?: readonly string[];
  /** Spec fields the extras supply (e.g. a reference looked up by name at create). */
  specFields?(values: TfObject): Record<string, SpecValue>;
  /** Configuration problems of the extras (without the network). */
  validate?(config: TfObject): Diagnostic[];
  /**
   * Extra attributes that only say where a value comes from (a file path, a name to look up), the
   * value itself being carried by another attribute (a digest, an id): see KindModel.locators.
   */
  readonly locators?: readonly string[];
  /** Creates the object itself, for kinds whose create is not the handlers' create (loaded lazily). */
  create?(ctx: InvocationContext, planned: TfObject): Promise<LiveObject>;
}

/** The hooks of a kind that has none: no extra attributes, no rules. */
export const NO_PROVIDER_HOOKS: ProviderHooks = {
  attributes: [],
  replace: [],
  handledFields: [],
  specExtras: () => ({}),
  fromLive: () => ({}),
  plan: () => [],
};

/** A planned value when it is known and of the given type. */
export function knownValue<T extends TfValue>(v: TfValue | undefined, type: 'string' | 'number' | 'boolean'): T | undefined {
  return v !== null && v !== undefined && !isUnknown(v) && typeof v === type ? (v as T) : undefined;
}
