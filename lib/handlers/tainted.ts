// Tainted Terraform resources of a synthesized stack, read from its state: for `imco-bridge drift`,
// which reports the IMCO objects such resources hold. Terraform taints a resource whose provisioner
// failed or was interrupted (Ctrl-C taints whatever was running, on_failure or not), and it never
// runs a tainted resource's destroy provisioner. The state is the local backend's file named in
// cdk.tf.json (or terraform.tfstate beside it), or a file given with --state (for a remote
// backend: `terraform state pull > state.json`). No state file: no taint information.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { BridgeError } from './errors';

interface StateFile {
  readonly resources?: readonly { readonly mode?: string; readonly type: string; readonly name: string; readonly instances?: readonly { readonly status?: string }[] }[];
}

/** Addresses (`type.name`) of the managed resources a state holds tainted. */
export function taintedAddresses(state: StateFile): Set<string> {
  const out = new Set<string>();
  for (const r of state.resources ?? []) {
    if (r.mode === 'managed' && (r.instances ?? []).some((i) => i.status === 'tainted')) out.add(`${r.type}.${r.name}`);
  }
  return out;
}

/** The local state of the stack synthesized in `stackFile` (cdk.tf.json), if it has one. */
export function localStateOf(stackFile: string): string | undefined {
  const doc = JSON.parse(readFileSync(stackFile, 'utf8')) as { terraform?: { backend?: Record<string, { path?: string }> } };
  const backends = doc.terraform?.backend ?? {};
  if (Object.keys(backends).some((b) => b !== 'local')) return undefined;
  const path = backends.local?.path ?? 'terraform.tfstate';
  const full = isAbsolute(path) ? path : join(dirname(stackFile), path);
  return existsSync(full) ? full : undefined;
}

/** Tainted addresses from a state file; a file that is not a Terraform state is an error. */
export function readTainted(statePath: string): Set<string> {
  let state: StateFile;
  try {
    state = JSON.parse(readFileSync(statePath, 'utf8')) as StateFile;
  } catch (err) {
    throw new BridgeError(`cannot read the Terraform state ${statePath} (${(err as Error).message.split('\n')[0]}): pass a state file, e.g. terraform state pull > state.json; --state state.json`);
  }
  return taintedAddresses(state);
}

/** Tainted addresses per stack name, for the stacks synthesized under `dir` (one `statePath` for all, if given). */
export function taintedByStack(stackFiles: readonly string[], statePath?: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const file of stackFiles) {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { '//'?: { metadata?: { stackName?: string } } };
    const stack = doc['//']?.metadata?.stackName;
    const state = statePath ?? localStateOf(file);
    if (stack && state) out.set(stack, readTainted(state));
  }
  return out;
}
