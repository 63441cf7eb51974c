// Plan rules of the imco_* resources, pure (no network): immutable attributes force replacement,
// the rest changes in place; computed values are unknown on create (and computed-only ones on an
// in-place update); values IMCO means the same (JSON by content, firewall rules as a set) keep
// their prior form so they show no diff; write-only values never enter the plan; changes IMCO
// cannot make (an array shrink) are refused here, with the attribute path and what to do.
import {
  type AttributePath,
  type Diagnostic,
  type PlanRequest,
  type PlanResponse,
  type TfObject,
  type TfValue,
  UnknownValue,
  isUnknown,
} from '../resource-type';
import { sameTf } from './field-values';
import { type KindModel, STABLE_COMPUTED } from './schema';
import { secretProblems } from './secrets';
import { timeoutProblems } from './timeouts';

/** Configuration problems found without the network: secrets, durations, JSON text, enums. */
export function validateConfig(model: KindModel, config: TfObject): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of model.secrets) out.push(...secretProblems(s, config));
  for (const t of timeoutProblems(config)) out.push({ severity: 'error', summary: t.message, attribute: [{ attr: 'timeouts' }, { attr: t.op }] });
  const owner = config.owner;
  if (typeof owner === 'string' && !/^[A-Za-z0-9 ._-]+$/.test(owner)) {
    out.push({
      severity: 'error',
      summary: `owner "${owner}" is not a valid IMCO label name: use only letters, digits, spaces, '.', '_' and '-'`,
      attribute: [{ attr: 'owner' }],
    });
  }
  for (const f of model.fields) {
    const v = config[f.name];
    if (typeof v !== 'string') continue;
    if (f.type === 'object' && f.shape === 'json' && !isJsonObjectText(v)) {
      out.push({ severity: 'error', summary: `${f.name} must be JSON text of an object; write it as jsonencode({ ... })`, attribute: [{ attr: f.name }] });
    }
    if (f.enum && !f.enum.includes(v)) {
      out.push({ severity: 'error', summary: `${f.name} "${v}" is not one of ${f.enum.join(', ')}`, attribute: [{ attr: f.name }] });
    }
  }
  if (model.extras.validate) out.push(...model.extras.validate(config));
  return out;
}

function isJsonObjectText(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

/** Whether two values of attribute `name` mean the same to IMCO. */
export function sameAttribute(model: KindModel, name: string, a: TfValue | undefined, b: TfValue | undefined): boolean {
  const field = model.fields.find((f) => f.name === name);
  if (field) return sameTf(model.kind.kind, field, a, b);
  if (isUnknown(a) || isUnknown(b)) return false;
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** A locator the prior state does not know (an import or a move): setting it is recorded in place. */
function recordsLocator(model: KindModel, name: string, prior: TfObject): boolean {
  return model.locators.has(name) && (prior[name] === null || prior[name] === undefined);
}

const omitted = (config: TfObject, name: string) => config[name] === null || config[name] === undefined;

function planCreate(model: KindModel, proposed: TfObject, config: TfObject): TfObject {
  const planned: TfObject = { ...proposed };
  for (const name of model.computedOnly) planned[name] = new UnknownValue();
  for (const name of model.optionalComputed) if (omitted(config, name)) planned[name] = model.emptyWhenOmitted.has(name) ? [] : new UnknownValue();
  return planned;
}

/** A left-out list that is empty when left out: the prior form when it is empty already, else `[]` (clears it). */
function plannedEmpty(prior: TfValue | undefined): TfValue {
  return prior === null || prior === undefined || (Array.isArray(prior) && prior.length === 0) ? prior ?? null : [];
}

function planUpdate(model: KindModel, prior: TfObject, proposed: TfObject, config: TfObject): { planned: TfObject; replace: AttributePath[] } {
  const planned: TfObject = { ...proposed };
  for (const name of model.emptyWhenOmitted) if (omitted(config, name)) planned[name] = plannedEmpty(prior[name]);
  // Terraform accepts the prior value for a configured attribute that means the same.
  for (const name of Object.keys(planned)) {
    if (model.computedOnly.has(name) || config[name] === null || config[name] === undefined) continue;
    if (prior[name] !== null && sameAttribute(model, name, planned[name], prior[name])) planned[name] = prior[name];
  }
  const replace: AttributePath[] = [];
  for (const name of model.replaceOnChange) {
    if (!sameAttribute(model, name, planned[name], prior[name]) && !recordsLocator(model, name, prior)) replace.push([{ attr: name }]);
  }
  const changed = Object.keys(planned).some(
    (name) => !model.computedOnly.has(name) && !model.writeOnly.has(name) && !sameAttribute(model, name, planned[name], prior[name]),
  );
  if (changed && replace.length === 0) {
    for (const name of model.computedOnly) if (!STABLE_COMPUTED.has(name)) planned[name] = new UnknownValue();
  }
  return { planned, replace };
}

/** PlanResourceChange of an imco_* resource. */
export function planResource(model: KindModel, req: PlanRequest): PlanResponse {
  if (!req.proposed) return { planned: null };
  const config = req.config ?? {};
  const diagnostics = validateConfig(model, config);
  const result = req.prior ? planUpdate(model, req.prior, req.proposed, config) : { planned: planCreate(model, req.proposed, config), replace: [] };
  for (const name of model.writeOnly) result.planned[name] = null;
  if (!req.prior && model.kind.labelable && (config.owner === null || config.owner === undefined)) {
    diagnostics.push({
      severity: 'warning',
      summary: `owner is not set: a create interrupted after its POST cannot be adopted later; set owner = "<a name unique to this object>" for crash-safe creates`,
      attribute: [{ attr: 'owner' }],
    });
  }
  diagnostics.push(...model.extras.plan(req.prior, result.planned, config));
  if (req.prior) {
    // A digest filled from the file may differ from the prior one now.
    for (const name of model.extras.replace) {
      if (
        !sameAttribute(model, name, result.planned[name], req.prior[name]) &&
        !recordsLocator(model, name, req.prior) &&
        !result.replace.some((p) => 'attr' in p[0] && p[0].attr === name)
      ) {
        result.replace.push([{ attr: name }]);
      }
    }
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { planned: req.proposed, diagnostics };
  return { planned: result.planned, requiresReplace: result.replace, diagnostics };
}
