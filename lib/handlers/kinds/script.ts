// Scripts: attachments uploaded from local files; a changed file (compared by downloading the
// current content) is replaced, a removed one deleted.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LiveObject } from '../api';
import type { HandlerContext } from '../context';
import { BridgeError } from '../errors';
import type { KindBehaviour } from './behaviour';

async function upload(ctx: HandlerContext, scriptId: string, name: string, data: Buffer): Promise<void> {
  ctx.log(`uploading attachment ${name}`);
  const before = new Set((await ctx.api.request<LiveObject[]>('GET', `/blueprint/scripts/${scriptId}/attachments`)).map((a) => a.id));
  // When the POST's answer is lost, the new attachment is the one of that name that was not there before.
  const find = async (): Promise<LiveObject | undefined> =>
    (await ctx.api.request<LiveObject[]>('GET', `/blueprint/scripts/${scriptId}/attachments`)).find((a) => a.name === name && !before.has(a.id));
  const att = await ctx.api.createOnce('attachment', { name }, find, { script_id: scriptId });
  try {
    await ctx.api.upload(String(att.upload_url), data);
    await ctx.api.request('PUT', `/blueprint/attachments/${att.id}/uploaded`, { name });
  } catch (err) {
    await ctx.api.request('DELETE', `/blueprint/attachments/${att.id}`).catch(() => undefined);
    throw err;
  }
}

export const scriptBehaviour: KindBehaviour = {
  async converge(ctx, live) {
    const desired = ctx.spec.extras.attachments;
    if (!desired) return;
    const existing = await ctx.api.request<LiveObject[]>('GET', `/blueprint/scripts/${live.id}/attachments`);
    for (const file of desired) {
      let data: Buffer;
      try {
        data = readFileSync(file.path);
      } catch {
        throw new BridgeError(`${ctx.subject}: attachment file ${file.path} cannot be read; check the path`);
      }
      const same = existing.filter((a) => a.name === file.name);
      let keep = false;
      for (const a of same) {
        let current: Buffer | undefined;
        if (a.uploaded && a.download_url && !keep) {
          current = await ctx.api.download(String(a.download_url)).catch(() => undefined);
        }
        if (current && createHash('sha256').update(current).digest('hex') === createHash('sha256').update(data).digest('hex')) {
          keep = true;
        } else {
          ctx.log(`replacing attachment ${file.name}`);
          await ctx.api.request('DELETE', `/blueprint/attachments/${a.id}`);
        }
      }
      if (!keep) await upload(ctx, live.id, file.name, data);
    }
    const wanted = new Set(desired.map((f) => f.name));
    for (const a of existing) {
      if (!wanted.has(String(a.name))) {
        ctx.log(`removing attachment ${String(a.name)}`);
        await ctx.api.request('DELETE', `/blueprint/attachments/${a.id}`);
      }
    }
  },
};
