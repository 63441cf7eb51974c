// Import blocks for the provider flavour (`ImcoObject.importFrom`, written by `imco-bridge export`):
// the object's `imco_<kind>` resource imports its IMCO id, with the configuration-only attributes
// IMCO never returns (`owner`, secret references and versions) appended after `?`, so the imported
// state equals the configuration and the plan shows an import and nothing else. Its part resources
// (template scripts) import their own ids, in the order the construct declares them.
import { CONFIG_ONLY_EXTRAS, importIdWith } from '../../provider/resources/adoption';
import type { ImcoResource } from './imco-resource';

/** Attributes that exist only in configuration: what the import id must carry. */
function configurationOnly(attributes: Readonly<Record<string, unknown>>): Record<string, string | boolean | number> {
  const out: Record<string, string | boolean | number> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value !== 'string' && typeof value !== 'boolean' && typeof value !== 'number') continue;
    const secret = /^(.+)_(env|file|version)$/.exec(name);
    const isSecretRef = !!secret && `${secret[1]}_version` in attributes && (`${secret[1]}_env` in attributes || `${secret[1]}_file` in attributes);
    if (name === 'owner' || isSecretRef || CONFIG_ONLY_EXTRAS.includes(name)) out[name] = value;
  }
  return out;
}

/**
 * Adds the import of `importId` (the provider's form: `<id>`, or `<parent id>/<id>` for a child kind)
 * to `resource`, and of `partIds` to `parts` (same count and order). Problems are returned, not thrown.
 */
export function importResources(
  resource: ImcoResource,
  importId: string,
  parts: readonly ImcoResource[],
  partIds: readonly string[],
): string | undefined {
  if (importId.trim() === '' || importId.includes('?')) return `importFrom: '${importId}' is not an IMCO import id (give the id, or <parent id>/<id> for a child object)`;
  if (partIds.length !== parts.length) {
    return `importFrom: ${partIds.length} part id(s) given for ${parts.length} part resource(s) (${parts.map((p) => p.terraformResourceType).join(', ') || 'none'}): give one per part, in declaration order`;
  }
  resource.importFrom(importIdWith(importId, configurationOnly(resource.attributes)));
  parts.forEach((part, i) => part.importFrom(partIds[i]));
  return undefined;
}
