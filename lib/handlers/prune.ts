// `imco-bridge prune` / `prune-record`: delete the objects a stack no longer declares (see
// lib/constructs/prune.ts). The old prune instance's destroy provisioner records the previous
// declaration in a marker; the new instance's create provisioner deletes what it lost.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { markerDirectory } from './marker-directory';
import { join } from 'node:path';
import { joinObjectChunks, parseDeclaredObjects } from '../spec/object-chunks';
import { pruneMarkerName, removedObjects, type DeclaredObject } from '../spec/prune';
import { OWNER_NAMESPACE, SPEC_VERSION } from '../spec/spec';
import type { BridgeApi } from './api';
import { makeInvocationContext, type InvocationContext } from './invocation-context';
import { BridgeError } from './errors';
import { processInvocation, type Invocation } from './invocation';
import { identityOf, ownerLabelNamesOf } from './ownership';
import { runDelete } from './reconcile';

const MARKER_MAX_AGE_MS = 24 * 3600 * 1000;

function markerPath(stack: string, endpoint: string, inv: Invocation): string {
  const dir = markerDirectory(inv.env, inv.cwd);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return join(dir, pruneMarkerName(stack, endpoint));
}

function parseObjects(text: string | undefined, what: string): DeclaredObject[] {
  const objects = parseDeclaredObjects(text);
  // Never an empty list by default: to the prune, an empty declaration would mean "delete everything".
  if (!objects) throw new BridgeError(`${what} is not a JSON list of objects: re-synthesize the stack`);
  return objects;
}

/** The declared ownership label an object of a removed construct carries now (after an import), if any. */
async function declaredOwnerOf(ctx: InvocationContext, declaredOwners: ReadonlySet<string>): Promise<string | undefined> {
  if (!ctx.spec.self.owner) return undefined;
  const live = await ctx.resolver.find(ctx.spec.self);
  if (!live || !Array.isArray(live.label_ids)) return undefined;
  const ids = new Set(live.label_ids as string[]);
  const labels = await ctx.resolver.allLabels();
  const owner = labels.find((l) => ids.has(l.id) && l.namespace === OWNER_NAMESPACE && declaredOwners.has(String(l.name)));
  return owner ? String(owner.name) : undefined;
}

export interface PruneTriggers {
  readonly stack: string;
  readonly endpoint: string;
  readonly objects: DeclaredObject[];
}

/**
 * The prune (or sweep) resource's keys: `imco_prune` (`imco_sweep`) and `imco_endpoint` in
 * IMCO_BRIDGE_TRIGGERS, the declared objects in the chunk variables of `env` (or, from stacks
 * synthesized before the chunks, in one `imco_objects` key).
 */
export function parsePruneTriggers(triggersJson: string | undefined, env: Readonly<Record<string, string | undefined>> = {}): PruneTriggers {
  let t: Record<string, string>;
  try {
    t = JSON.parse(triggersJson ?? '') as Record<string, string>;
  } catch {
    throw new BridgeError("IMCO_BRIDGE_TRIGGERS is not valid JSON: imco-bridge prune and sweep are run by the stack's prune and sweep resources");
  }
  const chunks = joinObjectChunks(env);
  const objects = chunks !== undefined ? parseObjects(chunks, 'IMCO_BRIDGE_OBJECTS_*') : parseObjects(t.imco_objects, 'imco_objects');
  return { stack: t.imco_prune ?? t.imco_sweep ?? '', endpoint: t.imco_endpoint ?? '', objects };
}

/** Destroy-time: remember the declaration this prune instance was created with. */
export function recordDeclaration(t: PruneTriggers, inv: Invocation = processInvocation()): void {
  writeFileSync(markerPath(t.stack, t.endpoint, inv), JSON.stringify({ at: Date.now(), objects: t.objects }), { mode: 0o600 });
}

/** Create-time: delete what the previous declaration had and this one lacks. */
export async function prune(api: BridgeApi, t: PruneTriggers, out: (l: string) => void, inv: Invocation = processInvocation()): Promise<number> {
  const { stack, objects: current } = t;
  const endpoint = t.endpoint || api.endpoint;
  const path = markerPath(stack, t.endpoint, inv);
  let previous: DeclaredObject[] = [];
  try {
    const marker = JSON.parse(readFileSync(path, 'utf8')) as { at: number; objects: DeclaredObject[] };
    if (Date.now() - marker.at <= MARKER_MAX_AGE_MS && statSync(path).isFile()) previous = marker.objects;
  } catch {
    return 0; // first apply of the stack, or the previous list was recorded on another machine
  }
  const removed = removedObjects(previous, current);
  const identity = identityOf({ stack, instance: undefined }, inv.env);
  const declaredOwners = new Set(current.flatMap((o) => ownerLabelNamesOf(identity, o.self)));
  // A path still declared with another identity (a subnet whose VPC was replaced after a CIDR
  // change): its own resource replaces it; it is not a removed construct.
  const declaredPaths = new Set(current.map((o) => `${o.kind} ${o.path}`));
  let deleted = 0;
  for (const o of removed) {
    const ctx = makeInvocationContext(
      { version: SPEC_VERSION, kind: o.kind, stack, path: o.path, endpoint, self: o.self, fields: {}, extras: {}, timeoutSeconds: 0 },
      api,
      out,
      undefined,
      inv,
    );
    const stillDeclared = declaredPaths.has(`${o.kind} ${o.path}`);
    if (!(await ctx.resolver.find(o.self))) {
      ctx.log(
        stillDeclared
          ? 'still declared, with a new identity (its parent was replaced, or its key changed): replaced by its own resource; nothing to prune'
          : 'no longer declared in the stack; nothing carries its identity any more (deleted, or imported under another path)',
      );
      continue;
    }
    const newOwner = await declaredOwnerOf(ctx, declaredOwners);
    if (newOwner) {
      ctx.log(`no longer declared here, but now owned by label '${newOwner}' (imported); keeping it`);
      continue;
    }
    ctx.log(stillDeclared ? 'still declared, with a new identity: deleting the object of its old identity' : 'no longer declared in the stack; deleting it');
    await runDelete(ctx);
    deleted++;
  }
  rmSync(path, { force: true });
  return deleted;
}
