// Moving a stack from a provisioner flavour to the provider without re-creating anything in IMCO
// (`ImcoSettings({ flavour: 'provider', migrateFrom: 'terraform_data' })`): for every object, a
// `moved` block from its lifecycle resource to its `imco_<kind>` resource (the provider's
// MoveResourceState finds the object in IMCO by its ownership label or natural key and takes it
// over with its id), and `removed` blocks with `destroy = false` for what has no counterpart — the
// `_sync` and action resources of each object, and the stack's prune and sweep resources — so that
// Terraform forgets them without running a destroy-time provisioner. All of them are no-ops once
// the move is applied (or for a stack that never had the old resources); the option can then go.
import { Lazy, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { ensureNullProvider, type HandlerFlavour } from '../handler-resource';
import { PRUNE_RESOURCE_NAME } from '../prune';
import { registryOf } from '../registry';

/** Stack-level resources of the provisioner flavours (the sweep resource of later versions included). */
const STACK_RESOURCES = [PRUNE_RESOURCE_NAME, 'imco_sweep'];

/** What the migration needs of an IMCO object (structural, to avoid an import cycle). */
interface MigratingObject {
  readonly resource: { readonly terraformResourceType: string; readonly friendlyUniqueId: string };
  readonly actionResources: readonly { readonly friendlyUniqueId: string }[];
}

const migrating = new WeakSet<TerraformStack>();

/** The `moved` and `removed` blocks of a stack migrating from `from` (computed at synth, once per stack). */
export function ensureMigrationBlocks(scope: IConstruct, from: HandlerFlavour): void {
  const stack = TerraformStack.of(scope);
  if (migrating.has(stack)) return;
  migrating.add(stack);
  // The blocks name null_resource addresses: Terraform reads their state with hashicorp/null.
  if (from === 'null_resource') ensureNullProvider(stack);
  const objects = (): MigratingObject[] => registryOf(stack).objects as unknown as MigratingObject[];
  stack.addOverride(
    'moved',
    Lazy.anyValue({
      produce: () =>
        objects().map((o) => ({ from: `${from}.${o.resource.friendlyUniqueId}`, to: `${o.resource.terraformResourceType}.${o.resource.friendlyUniqueId}` })),
    }),
  );
  const forget = (name: string) => ({ from: `${from}.${name}`, lifecycle: { destroy: false } });
  stack.addOverride(
    'removed',
    Lazy.anyValue({
      produce: () => [
        ...objects().flatMap((o) => [`${o.resource.friendlyUniqueId}_sync`, ...o.actionResources.map((a) => a.friendlyUniqueId)].map(forget)),
        ...STACK_RESOURCES.map(forget),
      ],
    }),
  );
}
