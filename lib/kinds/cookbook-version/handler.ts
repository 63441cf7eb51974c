// Cookbook versions: after the POST, upload the archive and process it until ready. They cannot be
// updated: a content change replaces them (the digest is an immutable trigger).
import { cookbookArchive } from '../../spec/archive';
import { actionOnce, type InvocationContext, waitForState } from '../../handlers/invocation-context';
import { BridgeError } from '../../handlers/errors';
import type { LiveObject } from '../../handlers/api';
import type { KindBehaviour } from '../../handlers/kinds/behaviour';

async function uploadAndProcess(ctx: InvocationContext, live: LiveObject): Promise<LiveObject> {
  const archive = ctx.spec.extras.archive;
  if (!archive) throw new BridgeError(`${ctx.subject} has no archive in its spec: re-synthesize the stack`);
  let data: Buffer;
  try {
    data = cookbookArchive(archive.path, archive.name);
  } catch {
    throw new BridgeError(`${ctx.subject}: cookbook source ${archive.path} cannot be read; check the path`);
  }
  ctx.log(`uploading cookbook archive (${data.length} bytes)`);
  await ctx.api.upload(String(live.upload_url), data);
  await actionOnce(ctx, 'cookbook_version', 'process', live.id, {}, (obj) => obj.state !== 'created');
  return waitForState(ctx, 'cookbook_version', live.id, ['ready'], 'cookbook version to be processed');
}

export const cookbookVersionBehaviour: KindBehaviour = {
  async afterCreate(ctx, live) {
    if (live.state === 'ready') return live;
    if (live.state === 'processing') return waitForState(ctx, 'cookbook_version', live.id, ['ready'], 'cookbook version to be processed');
    if (live.state === 'created') return uploadAndProcess(ctx, live);
    throw new BridgeError(
      `${ctx.subject} is ${String(live.state)}${live.error_message ? ` (${String(live.error_message)})` : ''}: ` +
        `fix the cookbook and apply again (it will be replaced)`,
    );
  },
};
