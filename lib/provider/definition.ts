// terraform-provider-imco's definition: the provider schema, one `imco_<kind>` resource per managed
// catalog kind (schemas generated from the catalog) and the action resources. Building it loads no
// HTTP client: the client and the handlers are loaded by the first call that needs IMCO.
import type { ProviderDefinition } from './resource-type';
import { actionResources } from '../kinds/server/provider-actions';
import { kindResource } from './resources/kind-resource';
import { configureProvider, providerSchema } from './resources/provider-config';
import { kindModels } from './resources/schema';
import { type ApiFactory, Session } from './resources/session';

export interface DefinitionOptions {
  /** How to reach IMCO (default: the project's client, credentials discovered like `cio`). */
  readonly api?: ApiFactory;
}

export function providerDefinition(options: DefinitionOptions = {}): ProviderDefinition {
  const session = new Session(options.api);
  return {
    providerSchema,
    resources: [...kindModels().map((m) => kindResource(m, session)), ...actionResources(session)],
    configure: (config, ctx) => configureProvider(session, config, ctx),
  };
}
