// Synth-time lookup of a server plan by name (imco.context.json), against the live catalogue.
import type { KindLookup } from '../../synth/resolve-lookup';
import { planOfProvider } from '../lookups';

export const serverPlanLookup: KindLookup = async (q, list) => {
  const locationOf = (h: Record<string, unknown>) => `location ${String(h.location_name ?? h.location_id)}`;
  const { plan, cloudProviderId } = await planOfProvider(q, list, 'server_plan', () => true, locationOf);
  const { id, location_id, memory, cpus } = plan;
  const sizes = { memory: Number(memory ?? 0), cpus: Number(cpus ?? 0) };
  return { id: String(id), name: q.name, cloud_provider_id: cloudProviderId, location_id: String(location_id ?? ''), ...sizes };
};
