// Catalog-driven handlers: list, show, create, update, delete, discard and actions for every kind,
// built from its catalog entry (paths, parent, create/update fields, secret fields, lifecycle
// steps, action preconditions). Kind behaviours add their own rules through hooks.
import { LABEL_KIND, type ActionSpec, type KindSpec } from '../catalog';
import type { CreateInput, RouteAdder } from './behaviour';
import type { EmulatorServices } from './services';
import { created, noContent, ok, type ApiRequest, type ApiResponse, type Handler } from './exchange';
import { emptyValue, readFields } from './fields';
import { ErrorCollector, notFound, unprocessable } from './http-errors';
import { newObjectId } from './ids';
import { recordEvent, removeNow } from './lifecycle';
import { GONE } from './machine';
import { describe, render, renderKind } from './render';
import { META, secretsOf, type StoredObject } from './store';
import { kindSpec } from '../catalog';

/** The object of `kind` with `id`, or a 404 naming the kind and where to list it. */
export function findObject(ctx: EmulatorServices, kind: string, id: string | undefined): StoredObject {
  const obj = id === undefined ? undefined : ctx.store.get(kind, id);
  if (!obj) {
    const spec = kindSpec(kind);
    throw notFound(`no ${spec.title} with id '${id ?? ''}'; list them with GET ${spec.collectionPath}`);
  }
  return obj;
}

/** The parent named in the path, or undefined for kinds without a parent. */
export function findParent(ctx: EmulatorServices, spec: KindSpec, req: ApiRequest): StoredObject | undefined {
  if (!spec.parent) return undefined;
  return findObject(ctx, spec.parent.kind, req.params[spec.parent.param]);
}

/** The item addressed by the request: by id (checked against the parent when the path names one), or a singleton. */
export function findItem(ctx: EmulatorServices, spec: KindSpec, req: ApiRequest): StoredObject {
  if (spec.singleton && spec.parent) {
    const parent = findParent(ctx, spec, req)!;
    const found = ctx.store.list(spec.kind).find((o) => o[spec.parent!.field] === parent.id);
    if (!found) {
      throw notFound(`${describe(kindSpec(spec.parent.kind), parent)} has no ${spec.title}; create one with POST ${spec.collectionPath}`);
    }
    return found;
  }
  const obj = findObject(ctx, spec.kind, req.params.id);
  if (spec.parent && spec.itemPath?.includes(`{${spec.parent.param}}`)) {
    const parent = findParent(ctx, spec, req)!;
    if (obj[spec.parent.field] !== parent.id) {
      throw notFound(`no ${spec.title} with id '${obj.id}' in ${describe(kindSpec(spec.parent.kind), parent)}`);
    }
  }
  return obj;
}

export function listHandler(spec: KindSpec): Handler {
  return (ctx, req) => {
    const parent = findParent(ctx, spec, req);
    const custom = ctx.behaviour(spec.kind)?.list;
    const objects = custom
      ? custom(ctx, req, parent)
      : ctx.store.list(spec.kind).filter((o) => !parent || o[spec.parent!.field] === parent.id);
    return ok(objects.map((o) => render(ctx, spec, o, 'list')));
  };
}

export function showHandler(spec: KindSpec): Handler {
  return (ctx, req) => ok(render(ctx, spec, findItem(ctx, spec, req)));
}

/** Checks that every label id names an existing label. */
function checkLabelIds(ctx: EmulatorServices, ids: unknown, errors: ErrorCollector): void {
  if (!Array.isArray(ids)) return;
  for (const id of ids) {
    if (!ctx.store.get(LABEL_KIND, id as string)) {
      errors.add('label_ids', `refers to no label with id '${String(id)}'; create it with POST /labels first`);
    }
  }
}

export function createHandler(spec: KindSpec): Handler {
  return (ctx, req) => {
    const parent = findParent(ctx, spec, req);
    if (spec.singleton && parent && ctx.store.list(spec.kind).some((o) => o[spec.parent!.field] === parent.id)) {
      throw unprocessable(spec.parent!.field, `${describe(kindSpec(spec.parent!.kind), parent)} already has a ${spec.title}; delete it first`);
    }
    const errors = new ErrorCollector();
    const fields = readFields(ctx, req.body, spec.createFields, errors, 'create');
    if (spec.labelable) checkLabelIds(ctx, fields.label_ids, errors);
    errors.throwIfAny();
    const input: CreateInput = { fields, parent, request: req };
    const behaviour = ctx.behaviour(spec.kind);
    behaviour?.validateCreate?.(ctx, input, errors);
    errors.throwIfAny();

    const now = Date.now();
    const obj: StoredObject = { id: newObjectId(now) };
    for (const field of spec.responseFields) obj[field] = undefined;
    for (const field of spec.createFields) {
      const value = fields[field.name];
      if (field.secret) {
        if (value !== undefined) secretsOf(obj)[field.name] = value;
        continue;
      }
      obj[field.name] = value === undefined ? emptyValue(field.type) : structuredClone(value);
    }
    if (spec.labelable) obj.label_ids = [...new Set((fields.label_ids as string[] | undefined) ?? [])];
    if (spec.parent && parent) obj[spec.parent.field] = parent.id;
    obj[META.createdAt] = now;
    behaviour?.initialise?.(ctx, obj, input);
    for (const field of Object.keys(obj)) if (obj[field] === undefined) delete obj[field];

    ctx.store.insert(spec.kind, obj);
    if (spec.lifecycle) ctx.machine.start(spec.kind, obj, spec.lifecycle.createSteps);
    else recordEvent(ctx, spec.kind, obj, 'info', `${spec.title} created`, `${describe(spec, obj)} was created`);
    behaviour?.afterCreate?.(ctx, obj, input);
    return created(render(ctx, spec, obj));
  };
}

export function updateHandler(spec: KindSpec): Handler {
  const updatable = spec.updateFields.map(
    (name) => spec.createFields.find((f) => f.name === name) ?? { name, type: 'string' as const },
  );
  return (ctx, req) => {
    const obj = findItem(ctx, spec, req);
    const errors = new ErrorCollector();
    const sent = readFields(ctx, req.body, updatable, errors, 'update');
    errors.throwIfAny();
    const normalised = ctx.behaviour(spec.kind)?.validateUpdate?.(ctx, obj, sent, errors);
    errors.throwIfAny();
    const fields = { ...sent, ...(normalised ?? {}) };
    for (const field of updatable) {
      if (!(field.name in fields)) continue;
      if (field.secret) secretsOf(obj)[field.name] = fields[field.name];
      else obj[field.name] = structuredClone(fields[field.name]);
    }
    ctx.store.changed();
    const changed = Object.keys(fields);
    recordEvent(ctx, spec.kind, obj, 'info', `${spec.title} updated`, `${describe(spec, obj)} was updated (${changed.join(', ') || 'no fields'})`);
    return ok(render(ctx, spec, obj));
  };
}

/** DELETE on an item (`discard` forgets the object at once, without deleting it at the provider). */
export function deleteHandler(spec: KindSpec, mode: 'delete' | 'discard'): Handler {
  return (ctx, req) => {
    const obj = findItem(ctx, spec, req);
    const lifecycle = spec.lifecycle;
    const state = typeof obj.state === 'string' ? obj.state : undefined;
    if (mode === 'delete' && lifecycle && state !== undefined) {
      if (lifecycle.deleteFrom && !lifecycle.deleteFrom.includes(state)) {
        throw unprocessable('state', `${describe(spec, obj)} is ${state}; it can be deleted only when ${lifecycle.deleteFrom.join(', ')}`);
      }
      if (lifecycle.deleteSteps.includes(state)) return noContent();
    }
    const errors = new ErrorCollector();
    ctx.behaviour(spec.kind)?.checkDelete?.(ctx, obj, errors);
    errors.throwIfAny();
    if (mode === 'delete' && lifecycle && lifecycle.deleteSteps.length > 0) {
      ctx.machine.start(spec.kind, obj, [...lifecycle.deleteSteps, GONE]);
    } else {
      removeNow(ctx, spec.kind, obj);
    }
    return noContent();
  };
}

export function actionHandler(spec: KindSpec, action: ActionSpec): Handler {
  return (ctx, req): ApiResponse => {
    const obj = findItem(ctx, spec, req);
    if (action.from && !action.from.includes(String(obj.state))) {
      throw unprocessable('state', `${describe(spec, obj)} is ${String(obj.state)}; ${action.name} needs it to be ${action.from.join(' or ')}`);
    }
    const errors = new ErrorCollector();
    const input = readFields(ctx, req.body, action.fields ?? [], errors, 'create');
    errors.throwIfAny();
    const outcome = ctx.behaviour(spec.kind)?.actions?.[action.name]?.(ctx, obj, input, action, errors);
    errors.throwIfAny();
    if (outcome && 'status' in outcome) return outcome;
    const steps = (outcome && outcome.steps) ?? action.steps;
    if (steps && steps.length > 0) {
      ctx.machine.start(spec.kind, obj, steps, outcome ? outcome.finalPatch : undefined);
    } else {
      ctx.store.changed();
      recordEvent(ctx, spec.kind, obj, 'info', `${spec.title} ${action.name}`, `${action.name} on ${describe(spec, obj)}`);
    }
    switch (action.returns) {
      case 'self':
        return ok(render(ctx, spec, obj));
      case 'referenced': {
        // The object the action's reference field names (a volume's attach answers the server).
        const ref = action.fields?.find((f) => f.ref);
        if (!ref?.ref) throw new Error(`action ${spec.kind}.${action.name} returns the referenced object but has no reference field`);
        return ok(renderKind(ctx, ref.ref, findObject(ctx, ref.ref, input[ref.name] as string)));
      }
      case 'none':
        return noContent();
      default:
        throw new Error(`action ${spec.kind}.${action.name} returns '${action.returns}', which the generic handler does not build`);
    }
  };
}

/** Registers every catalog operation and action of a kind. */
export function registerKindRoutes(spec: KindSpec, add: RouteAdder): void {
  const ops = new Set(spec.operations);
  if (ops.has('list') && !spec.singleton) add('GET', spec.collectionPath, listHandler(spec));
  if (ops.has('create')) add('POST', spec.collectionPath, createHandler(spec));
  const item = spec.itemPath ?? (spec.singleton ? spec.collectionPath : undefined);
  if (!item) return;
  if (ops.has('show')) add('GET', item, showHandler(spec));
  if (ops.has('update')) add('PUT', item, updateHandler(spec));
  if (ops.has('delete')) add('DELETE', item, deleteHandler(spec, 'delete'));
  if (ops.has('discard')) add('DELETE', `${item}/discard`, deleteHandler(spec, 'discard'));
  for (const action of spec.actions ?? []) add(action.method, item + action.suffix, actionHandler(spec, action));
}
