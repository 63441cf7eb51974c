// The handler resource flavour switch (docs/architecture.md §2): one function that creates either a built-in
// `terraform_data` (default; needs no provider download) or a `null_resource` from
// @cdktf/provider-null (adding the null provider once per stack), with the same triggers and
// provisioners. The `terraform_data` resources check the Terraform version once per stack, not once
// per resource (cdktf's DataResource runs `terraform version` for every instance at synth).
import {
  TerraformResource, TerraformStack, anyToHclTerraform, anyToTerraform, hashMapper, hashMapperHcl,
  type ITerraformDependable, type LocalExecProvisioner,
} from 'cdktf';
import { ValidateTerraformVersion } from 'cdktf/lib/validations/validate-terraform-version';
import { NullProvider } from '@cdktf/provider-null/lib/provider';
import { Resource as NullResource } from '@cdktf/provider-null/lib/resource';
import type { Construct, IValidation } from 'constructs';
import { environmentProblems, type EnvironmentCheck } from './environment-size';

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
  /**
   * The synth-time check of the provisioners' environment (lib/constructs/environment-size.ts):
   * who its messages name, and what it cannot estimate itself. `self` expressions are estimated
   * from `triggers` and `carried` unless given.
   */
  readonly environmentCheck: Omit<EnvironmentCheck, 'selfMaps'> & { readonly selfMaps?: EnvironmentCheck['selfMaps'] };
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

/**
 * The built-in `terraform_data` resource, synthesized exactly like cdktf's `DataResource`, minus
 * its per-instance Terraform version validation (each runs `terraform version`: 2000 resources
 * took minutes to synthesize). `ensureTerraformVersionCheck` adds the same check once per stack.
 */
class TerraformData extends TerraformResource {
  constructor(
    scope: Construct,
    id: string,
    private readonly config: {
      readonly triggersReplace: Record<string, string>;
      readonly input?: Record<string, string>;
      readonly provisioners: LocalExecProvisioner[];
      readonly dependsOn?: ITerraformDependable[];
    },
  ) {
    super(scope, id, {
      terraformResourceType: 'terraform_data',
      terraformGeneratorMetadata: { providerName: 'terraform' },
      provisioners: config.provisioners,
      dependsOn: config.dependsOn,
    });
  }

  get id(): string {
    return this.getStringAttribute('id');
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return {
      input: hashMapper(anyToTerraform)(this.config.input),
      triggers_replace: hashMapper(anyToTerraform)(this.config.triggersReplace),
    };
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    return {
      input: hashMapperHcl(anyToHclTerraform)(this.config.input),
      triggers_replace: hashMapperHcl(anyToHclTerraform)(this.config.triggersReplace),
    };
  }
}

const versionChecked = new WeakSet<TerraformStack>();
let versionProblems: string[] | undefined;
/** cdktf's `terraform_data` check (Terraform ≥ 1.4), run once per process. */
const terraformVersionCheck: IValidation = {
  validate: () =>
    (versionProblems ??= new ValidateTerraformVersion(
      '>=1.4',
      'The built-in Terraform data resource is only supported for Terraform >=1.4. Please upgrade your Terraform version.',
    ).validate()),
};

/** Adds the Terraform version check to the stack once. */
function ensureTerraformVersionCheck(stack: TerraformStack): void {
  if (versionChecked.has(stack)) return;
  versionChecked.add(stack);
  stack.node.addValidation(terraformVersionCheck);
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
    ensureTerraformVersionCheck(TerraformStack.of(scope));
    resource = new TerraformData(scope, id, {
      triggersReplace: { ...options.triggers },
      input: options.carried ? { ...options.carried } : undefined,
      provisioners,
      dependsOn,
    });
  }
  resource.overrideLogicalId(options.logicalId);
  const check: EnvironmentCheck = {
    ...options.environmentCheck,
    selfMaps: options.environmentCheck.selfMaps ?? (() => ({ ...options.triggers, ...(options.carried ?? {}) })),
  };
  resource.node.addValidation({ validate: () => environmentProblems(resource, provisioners, check) });
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
