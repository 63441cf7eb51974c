// Templates: `cookbook_versions` must use the CLI's object form ({"name": {"version": "~> 1.2"}}
// for Supermarket cookbooks or {"name": {"version_id": "<id>"}} for uploaded cookbook versions);
// compile goes created/ready/compiling_error → compiling → ready, or → compiling_error with an
// error_message when a referenced cookbook version is missing or not ready; a template used by
// servers or server arrays cannot be deleted; its template scripts go with it. Also serves the
// template's servers.
import type { KindBehaviour } from '../../emulator/behaviour';
import type { EmulatorServices } from '../../emulator/services';
import { findObject } from '../../emulator/crud';
import { ok } from '../../emulator/exchange';
import type { ErrorCollector } from '../../emulator/http-errors';
import { removeNow } from '../../emulator/lifecycle';
import { renderKind } from '../../emulator/render';
import type { StoredObject } from '../../emulator/store';
import { isPlainObject } from '../../emulator/fields';

const COOKBOOK_NAME = /^[a-zA-Z0-9_-]+$/;
const VERSION_CONSTRAINT = /^(~>|=|>=|<=|>|<) \d+(\.\d+){0,2}$/;

export function checkCookbookVersions(ctx: EmulatorServices, value: unknown, errors: ErrorCollector): void {
  if (!isPlainObject(value)) return;
  for (const [name, entry] of Object.entries(value)) {
    if (!COOKBOOK_NAME.test(name)) errors.add('cookbook_versions', `cookbook name '${name}' may contain only letters, digits, '_' and '-'`);
    if (!isPlainObject(entry)) {
      errors.add('cookbook_versions', `'${name}' must map to an object: {"version": "~> 1.0"} or {"version_id": "<cookbook version id>"}`);
      continue;
    }
    const hasVersion = entry.version !== undefined;
    const hasId = entry.version_id !== undefined;
    if (hasVersion === hasId) {
      errors.add('cookbook_versions', `'${name}' needs exactly one of "version" (Supermarket constraint) or "version_id" (uploaded cookbook version)`);
    } else if (hasVersion && (typeof entry.version !== 'string' || !VERSION_CONSTRAINT.test(entry.version))) {
      errors.add('cookbook_versions', `'${name}' version must be an operator (~>, =, >=, <=, >, <), one space and 1-3 numbers, e.g. "~> 1.2"`);
    } else if (hasId && (typeof entry.version_id !== 'string' || !ctx.store.get('cookbook_version', entry.version_id))) {
      errors.add('cookbook_versions', `'${name}' refers to no cookbook version with id '${String(entry.version_id)}'; upload it first`);
    }
  }
}

/** Why compiling would fail, or undefined when it succeeds. */
function compileProblem(ctx: EmulatorServices, template: StoredObject): string | undefined {
  const entries = Object.entries((template.cookbook_versions as Record<string, Record<string, unknown>>) ?? {});
  for (const [name, entry] of entries) {
    if (typeof entry.version_id !== 'string') continue;
    const version = ctx.store.get('cookbook_version', entry.version_id);
    if (!version) return `cookbook '${name}' refers to cookbook version ${entry.version_id}, which no longer exists`;
    if (version.state !== 'ready') return `cookbook '${name}' refers to cookbook version ${entry.version_id}, which is ${String(version.state)}, not ready`;
  }
  return undefined;
}

export const templates: KindBehaviour = {
  kind: 'template',
  validateCreate(ctx, { fields }, errors) {
    checkCookbookVersions(ctx, fields.cookbook_versions, errors);
  },
  initialise(_ctx, obj) {
    obj.error_message = '';
    obj.variables = [];
  },
  validateUpdate(ctx, _obj, fields, errors) {
    checkCookbookVersions(ctx, fields.cookbook_versions, errors);
  },
  actions: {
    compile(ctx, template) {
      const problem = compileProblem(ctx, template);
      return problem
        ? { steps: ['compiling', 'compiling_error'], finalPatch: { error_message: problem } }
        : { steps: ['compiling', 'ready'], finalPatch: { error_message: '' } };
    },
  },
  checkDelete(ctx, template, errors) {
    const users = [
      ...ctx.store.list('server').filter((s) => s.template_id === template.id).map((s) => `server ${s.id}`),
      ...ctx.store.list('server_array').filter((a) => a.template_id === template.id).map((a) => `server array ${a.id}`),
    ];
    if (users.length > 0) errors.add('base', `template is used by ${users.join(', ')}; decommission them first`);
  },
  onGone(ctx, template) {
    for (const ts of ctx.store.list('template_script').filter((t) => t.template_id === template.id)) removeNow(ctx, 'template_script', ts);
  },
  routes(add) {
    add('GET', '/blueprint/templates/{id}/servers', (ctx, req) => {
      const template = findObject(ctx, 'template', req.params.id);
      return ok(ctx.store.list('server').filter((s) => s.template_id === template.id).map((s) => renderKind(ctx, 'server', s, 'list')));
    });
  },
};
