// imco_server's provider hooks: `power_state` (operational or inactive, changed in place), read
// back from the server's settled or target state. Server arrays share the power attribute.
import type { SpecExtras } from '../../spec/spec';
import type { LiveObject } from '../../handlers/api';
import { type ProviderHooks, NO_PROVIDER_HOOKS, knownValue } from '../../provider/resources/kind-hooks';
import type { AttributeSchema, Diagnostic, TfObject } from '../../provider/resource-type';

const POWER_STATES = ['operational', 'inactive'];

export const powerAttribute: AttributeSchema = {
  name: 'power_state',
  type: 'string',
  optional: true,
  computed: true,
  description: 'operational (booted) or inactive (shut down); changed in place. Default operational.',
};

/** The power state a live server-like object shows: its settled or target state. */
export function powerOf(live: LiveObject): string {
  const state = String(live.state ?? '');
  if (['operational', 'booting', 'bootstrapping'].includes(state)) return 'operational';
  if (['inactive', 'shutting_down', 'commissioning'].includes(state)) return 'inactive';
  return state;
}

export function powerProblems(planned: TfObject): Diagnostic[] {
  const p = planned.power_state;
  if (typeof p === 'string' && !POWER_STATES.includes(p)) {
    return [{ severity: 'error', summary: `power_state "${p}" is not one of operational, inactive`, attribute: [{ attr: 'power_state' }] }];
  }
  return [];
}

export const serverProviderHooks: ProviderHooks = {
  ...NO_PROVIDER_HOOKS,
  attributes: [powerAttribute],
  specExtras: (v) => ({ power: knownValue<string>(v.power_state, 'string') as SpecExtras['power'] }),
  fromLive: (live) => ({ power_state: powerOf(live) }),
  plan: (_prior, planned) => powerProblems(planned),
};
