// The handler resource flavour switch (design §2): one function that creates either a built-in
// `terraform_data` (default; needs no provider download) or a `null_resource` from
// @cdktf/provider-null (adding the null provider once per stack), with the same triggers and
// provisioners.
import { DataResource, TerraformStack, type ITerraformDependable, type LocalExecProvisioner, type TerraformResource } from 'cdktf';
import { NullProvider } from '@cdktf/provider-null/lib/provider';
import { Resource as NullResource } from '@cdktf/provider-null/lib/resource';
import type { Construct } from 'constructs';

/** Terraform resource type that carries the provisioners. */
export type HandlerFlavour = 'terraform_data' | 'null_resource';

export const HANDLER_FLAVOURS: readonly HandlerFlavour[] = ['terraform_data', 'null_resource'];

export interface HandlerResourceOptions {
  readonly flavour: HandlerFlavour;
  /** Terraform resource name (logical id) in `cdk.tf.json`. */
  readonly logicalId: string;
  /** Values whose change replaces the resource (already escaped; tokens allowed). */
  readonly triggers: Readonly<Record<string, string>>;
  /**
   * Values kept in state for the destroy provisioner whose change must NOT replace the resource:
   * `terraform_data.input` (an in-place update); `null_resource` has no such attribute, so they
   * join its triggers there.
   */
  readonly carried?: Readonly<Record<string, string>>;
  readonly provisioners: readonly LocalExecProvisioner[];
  readonly dependsOn?: readonly ITerraformDependable[];
}

/** A handler resource: a `terraform_data` or `null_resource`, both with a Terraform-generated `id`. */
export type HandlerResource = TerraformResource & { readonly id: string };

const nullProviderAdded = new WeakSet<TerraformStack>();

/** Adds the null provider to the stack unless it (or one the user declared) is there already. */
export function ensureNullProvider(stack: TerraformStack): void {
  if (nullProviderAdded.has(stack)) return;
  nullProviderAdded.add(stack);
  if (stack.node.findAll().some((c) => c instanceof NullProvider)) return;
  new NullProvider(stack, 'imco_null_provider');
}

/** Creates the handler resource of the chosen flavour under `scope` with id `id`. */
export function createHandlerResource(scope: Construct, id: string, options: HandlerResourceOptions): HandlerResource {
  const provisioners = [...options.provisioners];
  const dependsOn = options.dependsOn && options.dependsOn.length > 0 ? [...options.dependsOn] : undefined;
  let resource: HandlerResource;
  if (options.flavour === 'null_resource') {
    ensureNullProvider(TerraformStack.of(scope));
    resource = new NullResource(scope, id, {
      triggers: { ...options.triggers, ...(options.carried ?? {}) },
      provisioners,
      dependsOn,
    });
  } else {
    resource = new DataResource(scope, id, {
      triggersReplace: { ...options.triggers },
      input: options.carried ? { ...options.carried } : undefined,
      provisioners,
      dependsOn,
    });
  }
  resource.overrideLogicalId(options.logicalId);
  return resource;
}

/**
 * Terraform expression (for a destroy-time provisioner: it references only `self`) that yields the
 * JSON of the flat string map the lifecycle resource keeps in state.
 */
export function selfTriggersExpression(flavour: HandlerFlavour, withCarried: boolean): string {
  if (flavour === 'null_resource') return '${jsonencode(self.triggers)}';
  return withCarried ? '${jsonencode(merge(self.triggers_replace, self.input))}' : '${jsonencode(self.triggers_replace)}';
}
