// imco_attachment's provider hooks: `source` (the file to attach) with its digest `source_sha256`
// (either changing replaces it), and a create of its own: created in its script and uploaded
// (./create.ts, loaded lazily), with no wire create body; identity is its name in the script.
import { fileHooks } from '../../provider/resources/file-hooks';
import { type ProviderHooks, NO_PROVIDER_HOOKS } from '../../provider/resources/kind-hooks';

export const attachmentProviderHooks: ProviderHooks = {
  ...NO_PROVIDER_HOOKS,
  ...fileHooks('source', 'source_sha256', 'file to attach'),
  create: async (ctx, planned) => (await import('./create')).createAttachment(ctx, String(planned.script_id), String(planned.name), String(planned.source)),
};
