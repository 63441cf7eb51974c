// Apply, read and import of the imco_* resources over the handlers: create (adopt-or-create by the
// ownership label or natural key, then wait), update (exactly the PUTs and actions needed), delete
// (and wait until gone), read (shared lists per kind and parent), import by IMCO id. Loaded on the
// first call that needs IMCO, so the schema calls never load it.
import type { BridgeApi, LiveObject, ParentParams } from '../../handlers/api';
import { isHttpStatus } from '../../handlers/api';
import { type InvocationContext, makeInvocationContext } from '../../handlers/invocation-context';
import { BridgeError } from '../../handlers/errors';
import { behaviourOf } from '../../handlers/kinds';
import { runCreate, runCreateUnowned, runDelete, runUpdate } from '../../handlers/reconcile';
import type { ApplyRequest, ApplyResponse, CallContext, ImportResponse, ReadResponse, TfObject } from '../resource-type';
import { encodeAdoption, parseImportId } from './adoption';
import { moveOwnership } from './ownership';
import { type KindModel, importIdForm } from './schema';
import { secretChanged } from './secrets';
import type { Session } from './session';
import { buildSpec } from './spec-builder';
import { stateAfterApply, stateFromLive } from './state';
import { timeoutSeconds } from './timeouts';

function context(model: KindModel, api: BridgeApi, call: CallContext, spec: ReturnType<typeof buildSpec>): InvocationContext {
  return makeInvocationContext(spec, api, (line) => call.log(line));
}

/**
 * The object as IMCO has it now. The create/update answer can predate a compile, a boot or an
 * upload, so kinds with a lifecycle or steps after the write are read back; for the others the
 * answer is the object, when it carries every field the catalog says an answer has.
 */
async function fresh(ctx: InvocationContext, live: LiveObject, parentParams?: ParentParams): Promise<LiveObject> {
  const { kind } = ctx;
  if (!kind.operations.includes('show') || answerIsCurrent(ctx, live)) return live;
  return ctx.api.show(kind.kind, kind.singleton ? '' : live.id, parentParams).catch(() => live);
}

function answerIsCurrent(ctx: InvocationContext, live: LiveObject): boolean {
  const { kind } = ctx;
  const behaviour = behaviourOf(kind.kind);
  if (kind.lifecycle || behaviour.afterCreate || behaviour.converge) return false;
  return kind.responseFields.every((f) => f in live);
}

function parentParamsOf(model: KindModel, values: TfObject): ParentParams | undefined {
  const p = model.kind.parent;
  return p && typeof values[p.field] === 'string' ? { [p.param]: values[p.field] as string } : undefined;
}

async function create(model: KindModel, req: ApplyRequest, api: BridgeApi, session: Session, call: CallContext): Promise<LiveObject> {
  const planned = req.planned!;
  const spec = buildSpec(model, planned, { operation: 'create', config: req.config, secrets: 'all', endpoint: api.endpoint, identity: session.identity() });
  const ctx = context(model, api, call, spec);
  if (model.extras.create) return model.extras.create(ctx, planned);
  const live = model.kind.labelable && !spec.self.owner ? await runCreateUnowned(ctx) : await runCreate(ctx);
  return fresh(ctx, live, parentParamsOf(model, planned));
}

async function update(model: KindModel, req: ApplyRequest, api: BridgeApi, session: Session, call: CallContext): Promise<LiveObject> {
  const prior = req.prior!;
  const planned = req.planned!;
  const secrets = (f: Parameters<typeof secretChanged>[0]) => secretChanged(f, prior, planned);
  const spec = buildSpec(model, planned, { operation: 'update', config: req.config, secrets, endpoint: api.endpoint, identity: session.identity() });
  const ctx = context(model, api, call, spec);
  if (!(await ctx.resolver.find(spec.self))) {
    throw new BridgeError(
      `${ctx.subject} (id ${String(prior.id)}) no longer exists in IMCO (deleted outside Terraform?): run terraform apply again; its refresh plans the creation`,
    );
  }
  const live = await runUpdate(ctx);
  const owner = (v: TfObject) => (typeof v.owner === 'string' && v.owner !== '' ? v.owner : undefined);
  const now = await fresh(ctx, live, parentParamsOf(model, planned));
  await moveOwnership(ctx, now, owner(prior), owner(planned));
  return now;
}

async function remove(model: KindModel, prior: TfObject, api: BridgeApi, session: Session, call: CallContext): Promise<void> {
  const spec = buildSpec(model, prior, { operation: 'delete', config: null, secrets: 'none', endpoint: api.endpoint, identity: session.identity() });
  await runDelete(context(model, api, call, spec));
}

/** The endpoint check of docs/architecture.md §3: an object is updated and deleted only on the endpoint it lives on. */
function refuseOtherEndpoint(model: KindModel, prior: TfObject, endpoint: string): void {
  const was = prior.endpoint;
  if (typeof was === 'string' && was !== '' && was !== endpoint) {
    throw new BridgeError(
      `${model.typeName} ${String(prior.id)} lives on ${was}, but the provider is configured for ${endpoint}: ` +
        `point the provider at ${was}, or drop the object from this state (terraform state rm) if it moved`,
    );
  }
}

/** ApplyResourceChange: create, update or delete. Errors are thrown (the caller makes diagnostics). */
export async function applyKind(model: KindModel, req: ApplyRequest, session: Session, call: CallContext): Promise<ApplyResponse> {
  const operation = !req.planned ? 'delete' : req.prior ? 'update' : 'create';
  const seconds = timeoutSeconds(req.planned ?? req.prior, operation, model.kind.waitTimeoutSeconds);
  const api = await session.apiUntil(Date.now() + seconds * 1000);
  try {
    if (req.prior) refuseOtherEndpoint(model, req.prior, api.endpoint);
    if (!req.planned) {
      await remove(model, req.prior!, api, session, call);
      return { newState: null };
    }
    const live = req.prior ? await update(model, req, api, session, call) : await create(model, req, api, session, call);
    return { newState: stateAfterApply(model, req.planned, live, api.endpoint) };
  } finally {
    session.lists.invalidate();
    api.close();
  }
}

/** The live object a state names, or undefined when it is gone (its parent gone included). */
async function findLive(model: KindModel, current: TfObject, api: BridgeApi, session: Session): Promise<LiveObject | undefined> {
  const { kind } = model;
  const params = parentParamsOf(model, current);
  const id = String(current.id ?? '');
  const gone = (err: unknown) => {
    if (isHttpStatus(err, 404)) return undefined;
    throw err;
  };
  if (kind.singleton) return api.show(kind.kind, '', params).catch(gone);
  // Slim list answers (templates) or no list at all: read the object itself.
  if (kind.listFields || !kind.operations.includes('list')) return api.show(kind.kind, id, params).catch(gone);
  const all = await session.lists.list(kind.kind, params, () => api.list(kind.kind, params)).catch(gone);
  if (!all) return undefined;
  // A shared list may predate the object (made since, e.g. just before an import): a miss is confirmed.
  return all.find((o) => o.id === id) ?? (kind.operations.includes('show') ? api.show(kind.kind, id, params).catch(gone) : undefined);
}

/**
 * ReadResource: the live object as state; null when it is gone. The read right after an import
 * (`imported`) takes every field as IMCO has it: the import's nulls are no prior form to keep.
 */
export async function readKind(model: KindModel, current: TfObject, session: Session, imported = false): Promise<ReadResponse> {
  const api = await session.api();
  const live = await findLive(model, current, api, session);
  const fields = new Set(model.fields.map((f) => f.name));
  const prior = imported ? Object.fromEntries(Object.entries(current).filter(([name]) => !fields.has(name))) : current;
  return { newState: live ? stateFromLive(model, live, prior, api.endpoint) : null };
}

/**
 * ReadResource of an adopted object's first persisted state (./adoption.ts): the read, then the
 * ownership label of its `owner` attached, as an update that changes `owner` would.
 */
export async function adoptKind(model: KindModel, current: TfObject, session: Session, call: CallContext): Promise<ReadResponse> {
  const read = await readKind(model, current, session);
  const owner = typeof current.owner === 'string' && current.owner !== '' ? current.owner : undefined;
  if (!read.newState || !owner || !model.kind.labelable) return { ...read, private: new Uint8Array() };
  // An API of its own (the shared one serves the other reads), bounded like an update.
  const api = await session.apiUntil(Date.now() + timeoutSeconds(current, 'update', model.kind.waitTimeoutSeconds) * 1000);
  try {
    const spec = buildSpec(model, read.newState, { operation: 'update', config: null, secrets: 'none', endpoint: api.endpoint, identity: session.identity() });
    const ctx = context(model, api, call, spec);
    const live = await api.show(model.kind.kind, String(read.newState.id), parentParamsOf(model, read.newState));
    await moveOwnership(ctx, live, undefined, owner);
  } finally {
    session.lists.invalidate();
    api.close();
  }
  return { ...read, private: new Uint8Array() };
}

/**
 * ImportResourceState: the state holding the id (and parent id), plus the configuration-only values
 * the id carries after `?` (./adoption.ts); the read that follows fills the rest.
 */
export function importKind(model: KindModel, importId: string): ImportResponse {
  const state: TfObject = {};
  for (const a of model.schema.attributes) state[a.name] = null;
  state.timeouts = null;
  const { id, values } = parseImportId(model, importId);
  const parts = id.split('/');
  const form = importIdForm(model.kind);
  const expected = form.split('/').length;
  if (parts.length !== expected || parts.some((p) => p.trim() === '')) {
    throw new BridgeError(`import id '${id}' of ${model.typeName} must be ${form}`);
  }
  if (model.kind.singleton) {
    state.id = parts[0];
    state[model.parentField!] = parts[0];
  } else if (model.kind.parent) {
    state[model.parentField!] = parts[0];
    state.id = parts[1];
  } else state.id = parts[0];
  Object.assign(state, values);
  return { states: [state], private: encodeAdoption('imported') };
}
