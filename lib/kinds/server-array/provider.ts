// imco_server_array's provider hooks: `power_state` (as servers) and `size`, which grows in place,
// empties the array at 0 and is refused any other shrink at plan time (IMCO API v2 cannot shrink).
import type { SpecExtras } from '../../spec/spec';
import { type ProviderHooks, NO_PROVIDER_HOOKS, knownValue } from '../../provider/resources/kind-hooks';
import type { Diagnostic, TfObject } from '../../provider/resource-type';
import { powerAttribute, powerOf, powerProblems } from '../server/provider';

function sizeProblems(prior: TfObject | null, planned: TfObject): Diagnostic[] {
  const want = knownValue<number>(planned.size, 'number');
  const have = prior ? knownValue<number>(prior.size, 'number') : undefined;
  const at = [{ attr: 'size' }];
  if (want === undefined) return [];
  if (!Number.isInteger(want) || want < 0) return [{ severity: 'error', summary: `size ${want} must be a whole number >= 0`, attribute: at }];
  if (have !== undefined && want > 0 && want < have) {
    return [{
      severity: 'error',
      summary: `size cannot shrink from ${have} to ${want}: IMCO API v2 can only enlarge a server array or empty it; set size back to ${have}, set size = 0 to empty it, or replace the array (terraform apply -replace=<address>)`,
      attribute: at,
    }];
  }
  if (want === 0 && planned.power_state === 'operational') {
    return [{ severity: 'error', summary: 'an empty server array (size = 0) cannot be operational: set power_state = "inactive" or size > 0', attribute: [{ attr: 'power_state' }] }];
  }
  return [];
}

export const serverArrayProviderHooks: ProviderHooks = {
  ...NO_PROVIDER_HOOKS,
  attributes: [
    powerAttribute,
    { name: 'size', type: 'number', optional: true, computed: true, description: 'Number of servers; grows in place, 0 empties the array; any other shrink is refused.' },
  ],
  handledFields: ['size'],
  specExtras: (v) => ({
    power: knownValue<string>(v.power_state, 'string') as SpecExtras['power'],
    size: knownValue<number>(v.size, 'number'),
  }),
  fromLive: (live) => ({ power_state: Number(live.size ?? 0) === 0 && live.state === 'inactive' ? 'inactive' : powerOf(live), size: Number(live.size ?? 0) }),
  plan: (prior, planned) => [...powerProblems(planned), ...sizeProblems(prior, planned)],
};
