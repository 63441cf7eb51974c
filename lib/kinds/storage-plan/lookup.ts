// Synth-time lookup of a storage plan by name (imco.context.json), against the live catalogue.
import type { KindLookup } from '../../synth/resolve-lookup';
import { planOfProvider } from '../lookups';

export const storagePlanLookup: KindLookup = async (q, list) => {
  const inRealm = (o: Record<string, unknown>) => !q.realm || o.realm_provider_name === q.realm || o.realm_id === q.realm;
  const realmOf = (h: Record<string, unknown>) => `realm ${String(h.realm_provider_name ?? h.realm_id)}`;
  const { plan, cloudProviderId } = await planOfProvider(q, list, 'storage_plan', inRealm, realmOf);
  const { id, realm_id, min_size, max_size } = plan;
  const sizes = { min_size: Number(min_size ?? 0), max_size: Number(max_size ?? 0) };
  return { id: String(id), name: q.name, cloud_provider_id: cloudProviderId, realm_id: String(realm_id ?? ''), ...sizes };
};
