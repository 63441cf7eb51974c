// Synth-time lookup of a realm by name (imco.context.json), against the live catalogue.
import { byName, one, type KindLookup } from '../../synth/resolve-lookup';
import { providerOf } from '../lookups';

export const realmLookup: KindLookup = async (q, list) => {
  const p = await providerOf(q, list);
  const o = await one(q, `realms of ${q.cloudProvider}`, await list('realm', { cloud_provider_id: String(p.id) }), byName);
  return { id: String(o.id), name: q.name, cloud_provider_id: String(p.id), provider_name: String(o.provider_name ?? '') };
};
