// The invocation context: what a handler needs for one object's invocation — the spec, the API,
// the resolver, progress output, the deadline, and the invocation's surroundings (env, cwd, output;
// lib/handlers/invocation.ts). Not to be confused with the lookup context (imco.context.json,
// lib/handlers/lookup-context.ts): see docs/architecture.md §5.
import { kindSpec } from '../catalog';
import type { BridgeSpec } from '../spec/spec';
import type { KindSpec } from '../catalog/types';
import type { BridgeApi, LiveObject } from './api';
import { processInvocation, type Invocation } from './invocation';
import { identityOf, ownLabelOf } from './ownership';
import { Resolver, describeRef } from './resolver';

/** One object's handler invocation. */
export interface InvocationContext {
  readonly spec: BridgeSpec;
  readonly kind: KindSpec;
  readonly api: BridgeApi;
  readonly resolver: Resolver;
  /** `<title> '<path>'`, for messages. */
  readonly subject: string;
  /** Absolute time (ms) by which the invocation must be done. */
  readonly deadline: number;
  /** The environment, working directory and output of the invocation (never `process`'s own). */
  readonly invocation: Invocation;
  /** Prints one progress line (Terraform shows provisioner output under the resource address). */
  log(message: string): void;
  /** Milliseconds left before the deadline (at least 1). */
  remainingMs(): number;
}

/** When an invocation for `spec` must be done: its timeoutSeconds (else the kind's default) from now. */
export function deadlineOf(spec: BridgeSpec, now = Date.now()): number {
  return now + Math.max(1, spec.timeoutSeconds || kindSpec(spec.kind).waitTimeoutSeconds) * 1000;
}

/**
 * The context of one handler invocation for `spec`. Progress lines go to `out`, else to the
 * invocation's standard output; `invocation` defaults to this process's own surroundings.
 */
export function makeInvocationContext(
  spec: BridgeSpec,
  api: BridgeApi,
  out?: (line: string) => void,
  deadline = deadlineOf(spec),
  invocation: Invocation = processInvocation(),
): InvocationContext {
  const kind = kindSpec(spec.kind);
  const identity = identityOf(spec, invocation.env);
  const print = out ?? ((line: string) => invocation.stdout(`${line}\n`));
  return {
    spec,
    kind,
    api,
    resolver: new Resolver(api, ownLabelOf(identity, spec.self)?.name, identity, invocation),
    subject: describeRef({ ...spec.self, path: spec.path }),
    deadline,
    invocation,
    log: (message) => print(`imco-bridge: ${spec.path}: ${message}`),
    remainingMs: () => Math.max(1, deadline - Date.now()),
  };
}

/** Progress callback for waits: one line when the state changes, and one every 10 s otherwise. */
export function progressReporter(ctx: InvocationContext, what: string): (obj: LiveObject, elapsedMs: number) => void {
  let lastState: unknown;
  let lastAt = 0;
  return (obj, elapsedMs) => {
    if (obj.state !== lastState || elapsedMs - lastAt >= 10_000) {
      ctx.log(`waiting for ${what} (state: ${String(obj.state ?? 'n/a')}, ${Math.round(elapsedMs / 1000)}s)`);
      lastState = obj.state;
      lastAt = elapsedMs;
    }
  };
}

/** Waits until the object is in one of `states`; failure states and the deadline throw. */
export function waitForState(
  ctx: InvocationContext,
  kind: string,
  id: string,
  states: readonly string[],
  what: string,
  parentParams?: Readonly<Record<string, string>>,
): Promise<LiveObject> {
  return ctx.api.waitForState(kind, id, states, {
    timeoutMs: ctx.remainingMs(),
    parentParams,
    onProgress: progressReporter(ctx, what),
  });
}

/** True for a client error whose request may or may not have taken effect (answer lost). */
export function isOutcomeUnknown(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'outcome_unknown';
}

/**
 * Runs a non-idempotent action (a POST) once: when its answer is lost, re-reads the object and
 * repeats the action only if `happened` says it did not take effect.
 */
export async function actionOnce(
  ctx: InvocationContext,
  kind: string,
  name: string,
  id: string,
  body: Record<string, unknown>,
  happened: (obj: LiveObject) => boolean,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.api.action(kind, name, id, body);
      return;
    } catch (err) {
      if (!isOutcomeUnknown(err) || attempt >= 3) throw err;
      if (happened(await ctx.api.show(kind, id))) return;
      ctx.log(`the answer to ${name} was lost and it did not take effect; sending it again`);
    }
  }
}
