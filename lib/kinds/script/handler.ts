// Scripts: attachments uploaded from local files; a changed file (compared by downloading the
// current content) is replaced, a removed one deleted.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { BridgeError } from '../../handlers/errors';
import { uploadAttachment } from '../attachment/upload';
import type { KindBehaviour } from '../../handlers/kinds/behaviour';

export const scriptBehaviour: KindBehaviour = {
  async converge(ctx, live) {
    const desired = ctx.spec.extras.attachments;
    if (!desired) return;
    const existing = await ctx.api.list('attachment', { script_id: live.id });
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
          await ctx.api.remove('attachment', a.id);
        }
      }
      if (!keep) await uploadAttachment(ctx, live.id, file.name, data);
    }
    const wanted = new Set(desired.map((f) => f.name));
    for (const a of existing) {
      if (!wanted.has(String(a.name))) {
        ctx.log(`removing attachment ${String(a.name)}`);
        await ctx.api.remove('attachment', a.id);
      }
    }
  },
};
