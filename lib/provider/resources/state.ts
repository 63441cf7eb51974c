// Terraform state from a live IMCO object: wire fields read back (in their prior form when IMCO
// means the same, so a refresh shows only real drift), computed fields, extras, and what IMCO
// never returns (owner, secret references and versions, timeouts) kept from the prior state.
import type { LiveObject } from '../../handlers/api';
import { type TfObject, type TfValue, isUnknown } from '../resource-type';
import { fromWire, sameTf } from './field-values';
import type { KindModel } from './schema';

/** The state of the live object; `prior` is the state before (null on import). */
export function stateFromLive(model: KindModel, live: LiveObject, prior: TfObject | null, endpoint?: string): TfObject {
  const before: TfObject = prior ?? {};
  const out: TfObject = {};
  for (const a of model.schema.attributes) out[a.name] = a.writeOnly ? null : before[a.name] ?? null;
  out.id = live.id;
  out.endpoint = typeof before.endpoint === 'string' ? before.endpoint : endpoint ?? null;
  if (model.parentField) out[model.parentField] = (before[model.parentField] as TfValue) ?? (live[model.parentField] as TfValue) ?? null;
  for (const f of model.fields) {
    const emptyList = model.emptyWhenOmitted.has(f.name);
    // A list IMCO answers as null or leaves out (an empty one) reads as `[]`, and a left-out one (null
    // state) as IMCO has it: such lists are computed too, so `rules = []` and a left-out `rules` match it.
    if (!(f.name in live)) {
      if (emptyList && (out[f.name] === null || out[f.name] === undefined)) out[f.name] = [];
      continue;
    }
    const value = fromWire(f, live[f.name]) ?? (emptyList ? [] : null);
    const was = before[f.name];
    const keep = was !== undefined && !isUnknown(was) && !(was === null && emptyList);
    out[f.name] = keep && sameTf(model.kind.kind, f, was, value) ? was : value;
  }
  for (const c of model.computedFields) out[c.name] = fromWire(c, live[c.name]);
  Object.assign(out, model.extras.fromLive(live, before));
  out.timeouts = before.timeouts ?? null;
  return out;
}

/** The state after an apply: the planned values, with what was unknown taken from the live object. */
export function stateAfterApply(model: KindModel, planned: TfObject, live: LiveObject, endpoint: string): TfObject {
  const fromLive = stateFromLive(model, live, planned, endpoint);
  const out: TfObject = {};
  for (const a of model.schema.attributes) {
    const p = planned[a.name];
    out[a.name] = a.writeOnly ? null : isUnknown(p) || p === undefined ? fromLive[a.name] ?? null : p;
    if (isUnknown(out[a.name])) out[a.name] = null;
  }
  out.timeouts = planned.timeouts ?? null;
  return out;
}
