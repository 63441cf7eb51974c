// Synth-time lookup of a generic image by name (imco.context.json), against the live catalogue.
import { byName, one, type KindLookup } from '../../synth/resolve-lookup';

export const genericImageLookup: KindLookup = async (q, list) => {
  const o = await one(q, 'generic images', await list('generic_image'), byName);
  return { id: String(o.id), name: q.name };
};
