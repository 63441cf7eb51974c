// Synth-time lookup of a cloud provider by name (imco.context.json), against the live catalogue.
import { byName, one, type KindLookup } from '../../synth/resolve-lookup';

export const cloudProviderLookup: KindLookup = async (q, list) => {
  const o = await one(q, 'cloud providers', await list('cloud_provider'), byName);
  return { id: String(o.id), name: q.name };
};
