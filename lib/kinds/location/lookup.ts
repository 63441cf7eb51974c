// Synth-time lookup of a location by name (imco.context.json), against the live catalogue.
import { byName, one, type KindLookup } from '../../synth/resolve-lookup';

export const locationLookup: KindLookup = async (q, list) => {
  const o = await one(q, 'locations', await list('location'), byName);
  return { id: String(o.id), name: q.name };
};
