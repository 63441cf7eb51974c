// The Terraform address of an object's lifecycle resource (`terraform_data.web`), for hints that
// tell the user what to pass to `terraform apply -replace=…`. Provisioners run in the stack's
// directory, so the address is read from its cdk.tf.json (which also tells the flavour); without
// one, it is derived from the construct path with the default flavour.
import type { BridgeSpec } from '../spec/spec';
import { resourceNameOf } from '../spec/resource-name';
import { readSynthesizedObjects } from './stack-reader';

/** `terraform_data.<name>` (or `null_resource.<name>`) of the lifecycle resource of `spec`'s object. */
export function lifecycleAddressOf(spec: Pick<BridgeSpec, 'stack' | 'path'>, stackDir: string = process.cwd()): string {
  try {
    const found = readSynthesizedObjects(stackDir).find((o) => o.spec.stack === spec.stack && o.spec.path === spec.path);
    if (found) return found.address;
  } catch {
    // no synthesized stack here (a handler run by hand): derive it
  }
  return `terraform_data.${resourceNameOf(spec.path)}`;
}
