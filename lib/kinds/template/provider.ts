// imco_template's provider hooks: `compile` (compile after create and update, and wait until
// ready; default true), kept from the prior state since IMCO does not return it.
import { type ProviderHooks, NO_PROVIDER_HOOKS } from '../../provider/resources/kind-hooks';

export const templateProviderHooks: ProviderHooks = {
  ...NO_PROVIDER_HOOKS,
  attributes: [{ name: 'compile', type: 'bool', optional: true, description: 'Compile after create/update and wait until ready (default true).' }],
  specExtras: (v) => ({ compile: v.compile === false ? false : undefined }),
  fromLive: (_live, prior) => ({ compile: prior.compile ?? null }),
};
