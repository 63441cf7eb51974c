// A local Terraform state that a killed run emptied. Terraform's local backend rewrites the state
// file in place after every resource, so a SIGKILL between truncating and writing leaves it empty
// (hashicorp/terraform#34266); Terraform then reads "no state", plans to create everything again
// and `destroy` destroys nothing. The `.backup` beside it still holds the state that run started
// from. `npm start` refuses to go on over such a file and says how to put the backup back.
import { readFileSync, statSync } from 'node:fs';

function resourcesIn(path: string): number | undefined {
  try {
    const state = JSON.parse(readFileSync(path, 'utf8')) as { resources?: unknown[] };
    return Array.isArray(state.resources) ? state.resources.length : 0;
  } catch {
    return undefined;
  }
}

/** Why the local state at `statePath` cannot be used as it is (emptied by a killed run), if so. */
export function lostLocalStateProblem(statePath: string): string | undefined {
  let size: number;
  try {
    size = statSync(statePath).size;
  } catch {
    return undefined; // no state yet: a first apply
  }
  const damaged = size === 0 || resourcesIn(statePath) === undefined;
  if (!damaged) return undefined;
  const backup = `${statePath}.backup`;
  const saved = resourcesIn(backup);
  if (saved === undefined) {
    return `${statePath} is ${size === 0 ? 'empty' : 'not valid JSON'} and there is no usable ${backup}: a killed terraform run damaged it. ` +
      'Restore it from your own copy, or delete it and run again: objects that still exist in IMCO are adopted by their ownership labels';
  }
  return `${statePath} is ${size === 0 ? 'empty' : 'not valid JSON'}: a terraform run was killed while writing it (hashicorp/terraform#34266). ` +
    `${backup} holds the ${saved} resources that run started from; put it back with: cp '${backup}' '${statePath}' — then run again`;
}
