// Synth-time lookup of a server plan by name (imco.context.json), against the live catalogue.
import { byName, one, type KindLookup } from '../../synth/resolve-lookup';
import { locationIdOf, providerOf } from '../lookups';

export const serverPlanLookup: KindLookup = async (q, list) => {
  const p = await providerOf(q, list);
  const loc = await locationIdOf(q, list);
  const plans = (await list('server_plan', { cloud_provider_id: String(p.id) })).filter((o) => !loc || o.location_id === loc);
  const o = await one(q, `server plans of ${q.cloudProvider}`, plans, byName, (h) => `location ${String(h.location_name ?? h.location_id)}`);
  return {
    id: String(o.id),
    name: q.name,
    cloud_provider_id: String(p.id),
    location_id: String(o.location_id ?? ''),
    memory: Number(o.memory ?? 0),
    cpus: Number(o.cpus ?? 0),
  };
};
