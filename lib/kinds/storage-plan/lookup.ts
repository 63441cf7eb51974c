// Synth-time lookup of a storage plan by name (imco.context.json), against the live catalogue.
import { byName, one, type KindLookup } from '../../synth/resolve-lookup';
import { locationIdOf, providerOf } from '../lookups';

export const storagePlanLookup: KindLookup = async (q, list) => {
  const p = await providerOf(q, list);
  const loc = await locationIdOf(q, list);
  const plans = (await list('storage_plan', { cloud_provider_id: String(p.id) })).filter(
    (o) => (!loc || o.location_id === loc) && (!q.realm || o.realm_provider_name === q.realm || o.realm_id === q.realm),
  );
  const o = await one(q, `storage plans of ${q.cloudProvider}`, plans, byName, (h) => `realm ${String(h.realm_provider_name ?? h.realm_id)}`);
  return {
    id: String(o.id),
    name: q.name,
    cloud_provider_id: String(p.id),
    realm_id: String(o.realm_id ?? ''),
    min_size: Number(o.min_size ?? 0),
    max_size: Number(o.max_size ?? 0),
  };
};
