// Template scripts (script characterisations): appended to the template's list of their type
// (execution_order counts from 0 within template and type), parameter values only for parameters
// the script declares, lists filtered by `?type=`, reorder with the complete list of ids of a type
// (received order honoured), and renumbering when one is deleted.
import { TEMPLATE_SCRIPT_TYPES } from '../../catalog';
import type { KindBehaviour } from '../../emulator/behaviour';
import type { EmulatorServices } from '../../emulator/services';
import { findObject } from '../../emulator/crud';
import { ok } from '../../emulator/exchange';
import { ErrorCollector, unprocessable } from '../../emulator/http-errors';
import { renderKind } from '../../emulator/render';
import type { StoredObject } from '../../emulator/store';
import { isPlainObject } from '../../emulator/fields';

function scriptsOfType(ctx: EmulatorServices, templateId: string, type: string): StoredObject[] {
  return ctx.store
    .list('template_script')
    .filter((ts) => ts.template_id === templateId && ts.type === type)
    .sort((a, b) => (a.execution_order as number) - (b.execution_order as number));
}

function checkParameterValues(ctx: EmulatorServices, scriptId: unknown, values: unknown, errors: ErrorCollector): void {
  if (!isPlainObject(values)) return;
  const script = ctx.store.get('script', String(scriptId));
  const declared = (script?.parameters as string[] | undefined) ?? [];
  for (const name of Object.keys(values)) {
    if (!declared.includes(name)) {
      errors.add('parameter_values', `'${name}' is not a parameter of script ${String(scriptId)}; declared: ${declared.join(', ') || 'none'}`);
    }
  }
}

function checkType(type: string | null): void {
  if (type !== null && !(TEMPLATE_SCRIPT_TYPES as readonly string[]).includes(type)) {
    throw unprocessable('type', `is not included in the list; use one of ${TEMPLATE_SCRIPT_TYPES.join(', ')}`);
  }
}

export const templateScripts: KindBehaviour = {
  kind: 'template_script',
  validateCreate(ctx, { fields }, errors) {
    checkParameterValues(ctx, fields.script_id, fields.parameter_values, errors);
  },
  initialise(ctx, obj, { parent }) {
    obj.execution_order = scriptsOfType(ctx, parent!.id, String(obj.type)).length;
  },
  validateUpdate(ctx, obj, fields, errors) {
    checkParameterValues(ctx, obj.script_id, fields.parameter_values, errors);
  },
  list(ctx, req, template) {
    const type = req.query.get('type');
    checkType(type);
    return ctx.store
      .list('template_script')
      .filter((ts) => ts.template_id === template!.id && (type === null || ts.type === type))
      .sort((a, b) =>
        a.type === b.type
          ? (a.execution_order as number) - (b.execution_order as number)
          : TEMPLATE_SCRIPT_TYPES.indexOf(a.type as never) - TEMPLATE_SCRIPT_TYPES.indexOf(b.type as never),
      );
  },
  onGone(ctx, removed) {
    scriptsOfType(ctx, String(removed.template_id), String(removed.type))
      .filter((ts) => ts.id !== removed.id)
      .forEach((ts, index) => (ts.execution_order = index));
  },
  routes(add) {
    add('PUT', '/blueprint/templates/{template_id}/scripts/reorder', (ctx, req) => {
      const template = findObject(ctx, 'template', req.params.template_id);
      const { type, script_ids: ids } = req.body;
      if (typeof type !== 'string') throw unprocessable('type', `can't be blank; use one of ${TEMPLATE_SCRIPT_TYPES.join(', ')}`);
      checkType(type);
      if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
        throw unprocessable('script_ids', 'must be an array of template script ids');
      }
      const current = scriptsOfType(ctx, template.id, type);
      const known = new Set(current.map((ts) => ts.id));
      if (ids.length !== current.length || new Set(ids).size !== ids.length || !ids.every((id) => known.has(id))) {
        throw unprocessable('script_ids', `must list each of the template's ${current.length} ${type} script id(s) exactly once: ${[...known].join(', ') || 'none'}`);
      }
      ids.forEach((id, index) => (ctx.store.get('template_script', id)!.execution_order = index));
      ctx.store.changed();
      return ok(scriptsOfType(ctx, template.id, type).map((ts) => renderKind(ctx, 'template_script', ts, 'list')));
    });
  },
};
