// Which flavour `npm start`'s estate was deployed with, read from its Terraform state, and what the
// next run must do about it: nothing (same flavour, or no state yet), move it to the provider
// without re-creating anything (ImcoSettings `migrateFrom`), or refuse a move back from the
// provider to a provisioner flavour (its plan would delete every object and create it again).
import { readFileSync } from 'node:fs';

export type EstateFlavour = 'provider' | 'terraform_data' | 'null_resource';

/** The flavour of the IMCO resources in the local state at `statePath`; undefined without any. */
export function deployedFlavour(statePath: string): EstateFlavour | undefined {
  let state: { resources?: { type?: string }[] };
  try {
    state = JSON.parse(readFileSync(statePath, 'utf8')) as typeof state;
  } catch {
    return undefined;
  }
  const types = new Set((state.resources ?? []).map((r) => r.type ?? ''));
  if ([...types].some((t) => t.startsWith('imco_'))) return 'provider';
  if (types.has('terraform_data')) return 'terraform_data';
  if (types.has('null_resource')) return 'null_resource';
  return undefined;
}

/** `migrateFrom` for the next synth, or why the run must stop. */
export function flavourChange(deployed: EstateFlavour | undefined, wanted: string): { migrateFrom?: EstateFlavour; problem?: string } {
  if (!deployed || deployed === wanted) return {};
  if (wanted === 'provider') return { migrateFrom: deployed };
  return {
    problem:
      `the example estate was deployed with the ${deployed} flavour, and a move to ${wanted} would delete and re-create every object: ` +
      `run npm start -- --destroy with the flavour it has (unset IMCO_EXAMPLE_FLAVOUR${deployed === 'provider' ? '' : `, or set it to ${deployed}`}) first`,
  };
}
