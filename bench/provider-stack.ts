// What a provider-flavour stack's refresh may cost: its kinds plus the distinct parents of its
// objects (a subnet's VPC, a template script's template, …), counted from the synthesized
// cdk.tf.json with the catalog's parent fields. The provider lists each kind once per parent.
// Also swaps the provider a stack installed at synth for another bundle (A/B runs of the bench).
import { chmodSync, copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { kindSpec } from '../lib/catalog';

type Resources = Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, unknown>>>>>>;

/** Distinct `imco_<kind>` resource types plus distinct (kind, parent id) pairs among their objects. */
export function kindsPlusParents(config: { readonly resource?: Resources }): number {
  const kinds = new Set<string>();
  const parents = new Set<string>();
  for (const [type, byName] of Object.entries(config.resource ?? {})) {
    if (!type.startsWith('imco_')) continue;
    const kind = type.slice('imco_'.length);
    let parent: { readonly field: string } | undefined;
    try {
      parent = kindSpec(kind).parent;
    } catch {
      continue; // not an object kind (e.g. an action resource such as imco_server_reboot)
    }
    kinds.add(kind);
    if (!parent) continue;
    for (const attributes of Object.values(byName)) parents.add(`${kind} ${JSON.stringify(attributes[parent.field] ?? null)}`);
  }
  return kinds.size + parents.size;
}

/** Copies `bundle` over every terraform-provider-imco in the stack's `terraform.d/plugins` mirror (before `terraform init`). */
export function replacePluginBundle(stackDir: string, bundle: string): void {
  let replaced = 0;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.startsWith('terraform-provider-imco_v')) {
        copyFileSync(bundle, path);
        chmodSync(path, 0o755);
        replaced++;
      }
    }
  };
  walk(join(stackDir, 'terraform.d', 'plugins'));
  if (replaced === 0) throw new Error(`no terraform-provider-imco under ${stackDir}/terraform.d/plugins to replace`);
}
