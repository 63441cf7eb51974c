// Synth-time lookup of a cloud account by name (imco.context.json), against the live catalogue.
import { byName, one, type KindLookup } from '../../synth/resolve-lookup';

export const cloudAccountLookup: KindLookup = async (q, list) => {
  const o = await one(q, 'cloud accounts', await list('cloud_account'), byName);
  return { id: String(o.id), name: q.name, cloud_provider_id: String(o.cloud_provider_id ?? '') };
};
