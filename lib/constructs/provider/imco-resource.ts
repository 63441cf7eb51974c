// One resource of the native provider, generically: `imco_<kind>` (or an action / part type) with
// the attributes the provider flavour computed. No generated bindings: the attributes are already
// named as the provider's schema names them (API v2 wire names, provider conventions).
import {
  TerraformResource, anyToHclTerraform, type ITerraformDependable,
} from 'cdktf';
import type { Construct } from 'constructs';
import { packageVersion } from '../package-info';
import { PROVIDER_NAME } from './imco-provider';

export interface ImcoResourceOptions {
  /** `imco_vpc`, `imco_template_script`, `imco_server_reboot`, … */
  readonly type: string;
  /** Terraform resource name (logical id) in `cdk.tf.json`. */
  readonly logicalId: string;
  /** Attribute values: literals already escaped for Terraform templates; tokens allowed. */
  readonly attributes: Readonly<Record<string, unknown>>;
  /** Dependencies Terraform cannot see through references. */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/** A resource of `imco/imco`, with the computed `id` every one of them has. */
export class ImcoResource extends TerraformResource {
  /** The attributes as synthesized (read by tests and by nothing else). */
  readonly attributes: Readonly<Record<string, unknown>>;

  constructor(scope: Construct, id: string, options: ImcoResourceOptions) {
    super(scope, id, {
      terraformResourceType: options.type,
      terraformGeneratorMetadata: { providerName: PROVIDER_NAME, providerVersion: packageVersion() },
      dependsOn: options.dependsOn && options.dependsOn.length > 0 ? [...options.dependsOn] : undefined,
    });
    this.attributes = Object.fromEntries(Object.entries(options.attributes).filter(([, v]) => v !== undefined));
    this.overrideLogicalId(options.logicalId);
  }

  get id(): string {
    return this.getStringAttribute('id');
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return { ...this.attributes };
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    return Object.fromEntries(Object.entries(this.attributes).map(([name, value]) => [name, hclAttribute(name, value)]));
  }
}

/** cdktf's HCL attribute descriptor for a plain value (`timeouts` is a block, the rest attributes). */
function hclAttribute(name: string, value: unknown): Record<string, unknown> {
  const descriptor = (type: string, storageClassType: string) => ({ value: anyToHclTerraform(value), isBlock: name === 'timeouts', type, storageClassType });
  if (Array.isArray(value)) return descriptor('list', value.every((v) => typeof v === 'string') ? 'stringList' : 'list');
  if (typeof value === 'object' && value !== null) return descriptor(name === 'timeouts' ? 'struct' : 'map', 'map');
  return descriptor('simple', typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string');
}
