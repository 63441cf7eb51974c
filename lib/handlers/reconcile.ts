// The provisioner flows of docs/architecture.md §2.2: create (adopt or create, then converge), update (converge the
// mutable spec), delete (idempotent, waits until gone) and actions (reboot, execute a script).
import { STACK_INSTANCE_ENV, type BridgeSpec } from '../spec/spec';
import { isHttpStatus, type LiveObject, type ParentParams } from './api';
import { type InvocationContext, waitForState } from './invocation-context';
import { changedFields } from './compare';
import { BridgeError } from './errors';
import { behaviourOf } from './kinds';
import type { Environment } from './invocation';
import { clearCreateFailure, earlierCreateFailure, markCreated, markCreateFailed, terraformRunId, wasCreated } from './run-marker';
import { describeRef } from './resolver';
import { nameTakenError } from './name-taken';

/** Waits until a kind with a lifecycle is in one of its ready states. */
async function untilReady(ctx: InvocationContext, live: LiveObject, parentParams?: ParentParams): Promise<LiveObject> {
  const lc = ctx.kind.lifecycle;
  if (!lc || lc.ready.includes(String(live.state))) return live;
  const id = ctx.kind.singleton ? '' : live.id;
  return waitForState(ctx, ctx.kind.kind, id, lc.ready, `${ctx.kind.title} to become ready`, parentParams);
}

/** Completes creation: kinds with an extra step (uploads) run it and wait themselves; others wait until ready. */
async function finishCreation(ctx: InvocationContext, live: LiveObject, parentParams?: ParentParams): Promise<LiveObject> {
  const behaviour = behaviourOf(ctx.kind.kind);
  if (behaviour.afterCreate) return behaviour.afterCreate(ctx, live);
  return untilReady(ctx, live, parentParams);
}

/** A labelable object with our name but not our label must never be adopted silently. */
async function refuseUnownedNameTwin(ctx: InvocationContext, parentParams?: ParentParams): Promise<void> {
  const nameField = ctx.kind.nameField;
  if (!ctx.kind.labelable || !nameField) return;
  const name = ctx.spec.fields[nameField];
  if (typeof name !== 'string') return;
  const twins = (await ctx.resolver.listCached(ctx.kind.kind, parentParams)).filter((o) => o[nameField] === name);
  if (twins.length > 0) throw nameTakenError(ctx, name, twins[0], await ctx.resolver.allLabels());
}
/** Reads the live object in full (list answers can be slim). */
async function full(ctx: InvocationContext, live: LiveObject, parentParams?: ParentParams): Promise<LiveObject> {
  if (ctx.kind.singleton || !ctx.kind.operations.includes('show')) return live;
  return ctx.api.show(ctx.kind.kind, live.id, parentParams);
}

/** PUTs the updatable fields that differ, then converges the kind's extras. */
async function converge(
  ctx: InvocationContext,
  live: LiveObject,
  opts: { fresh: boolean; withSecrets: boolean },
  parentParams?: ParentParams,
): Promise<LiveObject> {
  let obj = live;
  let updated: string[] = [];
  if (!opts.fresh && ctx.kind.updateFields.length > 0) {
    obj = await full(ctx, obj, parentParams);
    const desired = await ctx.resolver.materializeFields(ctx.spec.fields, ctx.subject, opts.withSecrets);
    const plain = ctx.kind.updateFields.filter((f) => !ctx.kind.secretFields.includes(f));
    const body = changedFields(ctx.kind.kind, plain, desired, obj);
    if (opts.withSecrets) {
      for (const f of ctx.kind.secretFields) if (ctx.kind.updateFields.includes(f) && f in desired) body[f] = desired[f];
    }
    if (Object.keys(body).length > 0) {
      const shown = Object.keys(body).map((f) => (ctx.kind.secretFields.includes(f) ? `${f} (secret)` : f));
      ctx.log(`updating ${shown.join(', ')}`);
      obj = await ctx.api.update(ctx.kind.kind, obj.id, body, parentParams);
      updated = Object.keys(body);
    }
  }
  const behaviour = behaviourOf(ctx.kind.kind);
  if (behaviour.converge) await behaviour.converge(ctx, obj, { ...opts, updated });
  return obj;
}

/** The ownership label a labelable kind's object carries, if the spec names one. */
function ownerOf(ctx: InvocationContext): string | undefined {
  return ctx.kind.labelable ? ctx.spec.self.owner : undefined;
}

async function adopt(ctx: InvocationContext, existing: LiveObject, parentParams?: ParentParams): Promise<{ live: LiveObject; created: boolean }> {
  ctx.log(`found existing ${ctx.kind.title} ${existing.id}; adopting it`);
  let live = await finishCreation(ctx, existing, parentParams);
  live = await converge(ctx, live, { fresh: false, withSecrets: true }, parentParams);
  return { live, created: false };
}

/** Finds the object by its identity, or creates it (exactly once), then converges it. */
async function adoptOrCreate(ctx: InvocationContext): Promise<{ live: LiveObject; created: boolean }> {
  const { spec, resolver } = ctx;
  const parentParams = await resolver.parentParams(spec.self);
  const owner = ownerOf(ctx);
  if (owner) resolver.prefetch(ctx.kind.kind, parentParams);
  // Adopts only what this stack instance's own label proves is its own (never a legacy label: a
  // create is a new object in the state, and a legacy label does not say which stack made it).
  const existing = await resolver.find(spec.self, { legacy: false });
  if (existing) return adopt(ctx, existing, parentParams);
  const body = await resolver.materializeFields(spec.fields, ctx.subject, true);
  // The same-name check and the ownership label at once (one round trip). Should a twin refuse the
  // create, the label stays unused until this construct's next create or its import takes it.
  const [twinCheck, labelled] = await Promise.allSettled([
    refuseUnownedNameTwin(ctx, parentParams),
    owner ? resolver.ensureOwnerLabel(resolver.labelOf(spec.self)!) : Promise.resolve(undefined),
  ]);
  if (labelled.status === 'fulfilled' && labelled.value && resolver.labelFoundLate(labelled.value.id)) {
    // The label was made since the (shared) listing: an interrupted create of this object may have made it, and the object too.
    resolver.invalidate();
    const made = await resolver.find(spec.self, { legacy: false });
    if (made) return adopt(ctx, made, parentParams);
  }
  if (twinCheck.status === 'rejected') throw twinCheck.reason;
  if (labelled.status === 'rejected') throw labelled.reason;
  if (labelled.value) body.label_ids = [labelled.value.id];
  ctx.log(`creating ${ctx.kind.title}`);
  let live = await ctx.api.createOnce(
    ctx.kind.kind,
    body,
    async () => {
      resolver.invalidate();
      return resolver.find(spec.self, { legacy: false });
    },
    parentParams,
  );
  resolver.invalidate();
  live = await finishCreation(ctx, live, parentParams);
  live = await converge(ctx, live, { fresh: true, withSecrets: false }, parentParams);
  return { live, created: true };
}

/** The Terraform run an invocation belongs to (its run markers are that run's). */
function runIdOf(ctx: InvocationContext): string | undefined {
  return terraformRunId(undefined, ctx.invocation.env);
}

/** `imco-bridge create`: the lifecycle resource's create-time provisioner. */
export async function runCreate(ctx: InvocationContext, tfId?: string): Promise<LiveObject> {
  let outcome: { live: LiveObject; created: boolean };
  try {
    outcome = await adoptOrCreate(ctx);
  } catch (err) {
    // The provisioner's failure does not taint the lifecycle resource (on_failure = continue): the
    // `_sync` resource's update of this same apply reads this marker and fails the apply.
    markCreateFailed(tfId, err instanceof Error ? err.message : String(err), runIdOf(ctx), ctx.invocation);
    throw err;
  }
  const { live, created } = outcome;
  markCreated(tfId, runIdOf(ctx), ctx.invocation);
  ctx.log(`${created ? 'created' : 'adopted'} ${ctx.kind.title} ${live.id}`);
  return live;
}

/**
 * Creates an object that has no identity to be found by (a labelable kind given no owner, as in
 * hand-written provider configuration): a same-named object is still refused, but a create
 * interrupted after its POST cannot be adopted later.
 */
export async function runCreateUnowned(ctx: InvocationContext): Promise<LiveObject> {
  const parentParams = await ctx.resolver.parentParams(ctx.spec.self);
  const body = await ctx.resolver.materializeFields(ctx.spec.fields, ctx.subject, true);
  await refuseUnownedNameTwin(ctx, parentParams);
  ctx.log(`creating ${ctx.kind.title} (no owner: not crash-safe)`);
  let live = await ctx.api.createOnce(ctx.kind.kind, body, async () => undefined, parentParams);
  ctx.resolver.invalidate();
  live = await finishCreation(ctx, live, parentParams);
  live = await converge(ctx, live, { fresh: true, withSecrets: false }, parentParams);
  ctx.log(`created ${ctx.kind.title} ${live.id}`);
  return live;
}

/** `imco-bridge update`: the sync resource's provisioner; recreates an object deleted out of band. */
export async function runUpdate(ctx: InvocationContext, tfId?: string): Promise<LiveObject> {
  const parentParams = await ctx.resolver.parentParams(ctx.spec.self);
  if (ownerOf(ctx)) ctx.resolver.prefetch(ctx.kind.kind, parentParams);
  const existing = await ctx.resolver.find(ctx.spec.self);
  if (!existing) {
    const failed = earlierCreateFailure(tfId, runIdOf(ctx), ctx.invocation);
    ctx.log(
      failed !== undefined
        ? `its create failed in an earlier apply${failed ? ` (${failed})` : ''}; creating the ${ctx.kind.title} now`
        : `${ctx.kind.title} not found in IMCO: deleted outside Terraform, or its create failed in an earlier apply; creating it now`,
    );
    const { live } = await adoptOrCreate(ctx);
    clearCreateFailure(tfId, ctx.invocation);
    return live;
  }
  if (ownerOf(ctx)) {
    const moved = await ctx.resolver.migrateOwnership(ctx.spec.self, existing, ctx.kind.resourceType);
    if (moved) ctx.log(moved);
  }
  // A create interrupted after the POST (a killed runner) can leave the object unfinished (a cookbook
  // version never uploaded) while Terraform recorded the lifecycle resource: finish it here.
  const live = await finishCreation(ctx, existing, parentParams);
  // Just created by this apply: its create body carried the secrets already.
  const withSecrets = !wasCreated(tfId, runIdOf(ctx), ctx.invocation);
  const result = await converge(ctx, live, { fresh: false, withSecrets }, parentParams);
  ctx.log(`${ctx.kind.title} ${result.id} is up to date`);
  return result;
}

/** `imco-bridge delete`: the lifecycle resource's destroy-time provisioner. */
export async function runDelete(ctx: InvocationContext): Promise<void> {
  const { spec, resolver } = ctx;
  if (spec.self.parent && !(await resolver.find(spec.self.parent))) {
    ctx.log(`${describeRef(spec.self.parent)} is already gone, and with it this ${ctx.kind.title}`);
    return;
  }
  const parentParams = await resolver.parentParams(spec.self);
  let live = await resolver.find(spec.self);
  if (!live) {
    ctx.log(`${ctx.kind.title} is already gone`);
    return;
  }
  const behaviour = behaviourOf(ctx.kind.kind);
  if (behaviour.beforeDelete) live = await behaviour.beforeDelete(ctx, live);
  const id = ctx.kind.singleton ? '' : live.id;
  ctx.log(`deleting ${ctx.kind.title} ${live.id}`);
  try {
    await ctx.api.remove(ctx.kind.kind, id, parentParams);
  } catch (err) {
    if (!isHttpStatus(err, 422) && !isHttpStatus(err, 409)) throw err;
    // Refused while something uses it: a Terraform destroy deletes users first, unless a user's
    // resource was tainted by an interrupt (Terraform then skips its delete) or is not in the state.
    throw new BridgeError(
      `${(err as Error).message}. If what uses it belongs to this stack but its Terraform resource was tainted by an interrupted apply (or is missing from the state), ` +
        "run 'terraform apply' (it adopts that object again), then 'terraform destroy'",
    );
  }
  await ctx.api.waitForGone(ctx.kind.kind, id, { timeoutMs: ctx.remainingMs(), parentParams });
  ctx.log(`deleted ${ctx.kind.title} ${live.id}`);
}

/** `imco-bridge action`: a one-off action of the object's kind (a server's reboot or script run). */
export async function runAction(ctx: InvocationContext, lifecycleTfId?: string): Promise<void> {
  const action = ctx.spec.action;
  if (!action) throw new BridgeError(`${ctx.subject}: the spec names no action; re-synthesize the stack`);
  if (wasCreated(lifecycleTfId, runIdOf(ctx), ctx.invocation)) {
    ctx.log(`skipping ${action.name}: the ${ctx.kind.title} was created by this apply`);
    return;
  }
  const run = behaviourOf(ctx.kind.kind).runAction;
  if (!run) throw new BridgeError(`${ctx.subject}: a ${ctx.kind.title} has no one-off actions; remove the action from the stack`);
  await run(ctx, action);
}

/** Rebuilds the minimal spec a destroy provisioner has: only `self.triggers_replace`. */
export function specFromTriggers(triggersJson: string | undefined, version: number, env: Environment = process.env): BridgeSpec {
  if (!triggersJson) throw new BridgeError('IMCO_BRIDGE_TRIGGERS is not set: imco-bridge delete is run by a destroy-time provisioner');
  let t: Record<string, string>;
  try {
    t = JSON.parse(triggersJson) as Record<string, string>;
  } catch {
    throw new BridgeError('IMCO_BRIDGE_TRIGGERS is not valid JSON');
  }
  if (!t.imco_kind || !t.imco_self) throw new BridgeError('IMCO_BRIDGE_TRIGGERS lacks imco_kind/imco_self: the resource was not created by imco-cdktf');
  return {
    version,
    kind: t.imco_kind,
    stack: t.imco_stack ?? '',
    instance: env[STACK_INSTANCE_ENV] || undefined,
    path: t.imco_path ?? '',
    endpoint: t.imco_endpoint ?? '',
    self: JSON.parse(t.imco_self),
    fields: {},
    extras: {},
    timeoutSeconds: Number(t.imco_timeout) || 0,
  };
}
