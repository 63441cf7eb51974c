// `imco-bridge sweep`: the destroy provisioner of the stack's sweep resource (lib/constructs/sweep.ts),
// which Terraform runs after every object resource of the stack is destroyed. Objects whose
// resources ran their delete are gone by then; what is left is what a tainted resource held (an
// interrupted apply: Terraform skips a tainted resource's destroy provisioner) or what a resource
// lost from the state held. Those are deleted here, users before what they use; if any cannot be,
// the command fails naming each one, and the sweep resource stays in the state, so the next
// `terraform destroy` tries them again.
import { removedObjects, type DeclaredObject } from '../spec/prune';
import { SPEC_VERSION } from '../spec/spec';
import { kindSpec } from '../catalog';
import type { BridgeApi, LiveObject } from './api';
import { makeInvocationContext } from './invocation-context';
import { BridgeError } from './errors';
import { processInvocation, type Invocation } from './invocation';
import type { PruneTriggers } from './prune';
import { identityOf } from './ownership';
import { runDelete } from './reconcile';
import { Resolver } from './resolver';

/** How many deletes of one rank (kinds that do not use each other) run at once. */
const CONCURRENT_DELETES = 8;

interface Leftover {
  readonly object: DeclaredObject;
  readonly live: LiveObject;
}

/** The declared objects that still exist in IMCO (one listing per kind and parent). */
async function leftovers(api: BridgeApi, stack: string, objects: readonly DeclaredObject[], inv: Invocation): Promise<Leftover[]> {
  const resolver = new Resolver(api, undefined, identityOf({ stack }, inv.env), inv);
  const found: Leftover[] = [];
  for (const object of removedObjects(objects, [])) {
    const live = await resolver.find(object.self);
    if (live) found.push({ object, live });
  }
  return found;
}

/** Runs `fn` over `items`, at most `limit` at a time. */
async function inBatches<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Deletes the declared objects that are still in IMCO; resolves to how many it deleted. */
export async function sweep(api: BridgeApi, t: PruneTriggers, out: (line: string) => void, inv: Invocation = processInvocation()): Promise<number> {
  const endpoint = t.endpoint || api.endpoint;
  const left = await leftovers(api, t.stack, t.objects, inv);
  const failed: string[] = [];
  let deleted = 0;
  // Kinds in deletion order: one rank at a time (servers before their templates, subnets before VPCs).
  const ranks = [...new Set(left.map((l) => l.object.kind))];
  for (const kind of ranks) {
    await inBatches(
      left.filter((l) => l.object.kind === kind),
      CONCURRENT_DELETES,
      async ({ object, live }) => {
        const spec = { version: SPEC_VERSION, kind: object.kind, stack: t.stack, path: object.path, endpoint, self: object.self, fields: {}, extras: {}, timeoutSeconds: 0 };
        const ctx = makeInvocationContext(spec, api, out, undefined, inv);
        ctx.log(`still in IMCO after its Terraform resources were destroyed (its resource was tainted by an interrupted apply, or lost from the state); deleting it`);
        try {
          await runDelete(ctx);
          deleted++;
        } catch (err) {
          const why = (err instanceof Error ? err.message : String(err)).split('\n')[0];
          failed.push(`${object.path} (${kindSpec(object.kind).title} ${live.id}): ${why}`);
        }
      },
    );
  }
  if (failed.length > 0) {
    throw new BridgeError(
      `${failed.length} object(s) of stack ${t.stack} are still in IMCO: ${failed.join('; ')}. ` +
        "Fix the cause, then run 'terraform destroy' again: the stack's terraform_data.imco_sweep stays in the state until they are deleted",
    );
  }
  return deleted;
}
