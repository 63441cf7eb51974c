// Provider hooks of a kind that carries a local file or directory with its digest (cookbook
// archives, script attachments): a required path attribute, a digest computed from the file when
// not given, and a change of either replaces the object.
import { existsSync } from 'node:fs';
import { contentDigest } from '../../spec/archive';
import type { ProviderHooks } from './kind-hooks';

export function fileHooks(pathAttr: string, shaAttr: string, what: string): Pick<ProviderHooks, 'attributes' | 'replace' | 'locators' | 'fromLive' | 'plan'> {
  return {
    attributes: [
      { name: pathAttr, type: 'string', required: true, description: `Path of the ${what} (read at apply time).` },
      { name: shaAttr, type: 'string', optional: true, computed: true, description: `SHA-256 of the ${what}; a change replaces the object (computed from the file when not set).` },
    ],
    replace: [pathAttr, shaAttr],
    locators: [pathAttr],
    fromLive: (_live, prior) => ({ [pathAttr]: prior[pathAttr] ?? null, [shaAttr]: prior[shaAttr] ?? null }),
    plan: (_prior, planned, config) => {
      const path = planned[pathAttr];
      if (typeof path !== 'string' || (config[shaAttr] !== null && config[shaAttr] !== undefined)) return [];
      if (!existsSync(path)) {
        return [{ severity: 'error', summary: `${pathAttr} ${path} does not exist; give the path of the ${what}`, attribute: [{ attr: pathAttr }] }];
      }
      planned[shaAttr] = contentDigest(path);
      return [];
    },
  };
}
