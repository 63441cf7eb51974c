// Per-stack bookkeeping of the constructs layer: the stack's ImcoSettings, the IMCO objects in
// creation order and the Terraform resource names they claimed. Used for cross-object validation
// (duplicate identities and names, overlapping subnets) without walking the construct tree.
import { TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';

/** What the registry needs to know of an IMCO object (kept structural to avoid import cycles). */
export interface RegisteredObject extends IConstruct {
  readonly kind: string;
  readonly objectPath: string;
}

export interface StackRegistry {
  /** Explicit ImcoSettings constructs, in declaration order (more than one is an error). */
  readonly settings: IConstruct[];
  readonly objects: RegisteredObject[];
  /** Terraform resource name → construct path that claimed it first. */
  readonly resourceNames: Map<string, string>;
  /** Default settings, resolved once when the stack declares no ImcoSettings. */
  defaults?: object;
}

const registries = new WeakMap<TerraformStack, StackRegistry>();

export function registryOf(scope: IConstruct): StackRegistry {
  const stack = TerraformStack.of(scope);
  let registry = registries.get(stack);
  if (!registry) {
    registry = { settings: [], objects: [], resourceNames: new Map() };
    registries.set(stack, registry);
  }
  return registry;
}

/** The construct path relative to its stack (`network/web`). */
export function stackRelativePath(scope: IConstruct): string {
  const stack = TerraformStack.of(scope);
  const full = scope.node.scopes;
  const index = full.indexOf(stack);
  return full
    .slice(index + 1)
    .map((c) => c.node.id)
    .join('/');
}

export { resourceNameOf } from '../spec/resource-name';

/** Claims a Terraform resource name for `scope` in its stack: the path of the construct that holds it already, if another one does. */
export function claimResourceName(scope: IConstruct, name: string): string | undefined {
  const names = registryOf(scope).resourceNames;
  const holder = names.get(name);
  if (holder !== undefined && holder !== scope.node.path) return holder;
  names.set(name, scope.node.path);
  return undefined;
}
