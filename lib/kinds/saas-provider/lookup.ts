// Synth-time lookup of a saas provider by name (imco.context.json), against the live catalogue.
import { byName, one, type KindLookup } from '../../synth/resolve-lookup';

export const saasProviderLookup: KindLookup = async (q, list) => {
  const o = await one(q, 'SaaS providers', await list('saas_provider'), byName);
  return { id: String(o.id), name: q.name, required_account_data: (o.required_account_data as string[]) ?? [] };
};
