// imco_attachment: a script attachment is created, then its file uploaded and confirmed. Identity
// is its name inside the script: a create that finds its name there (a create interrupted after the
// POST) adopts it and finishes the upload. Content changes replace it (the digest forces replacement).
import { readFileSync } from 'node:fs';
import type { LiveObject } from '../../handlers/api';
import type { HandlerContext } from '../../handlers/context';
import { BridgeError } from '../../handlers/errors';

export async function createAttachment(ctx: HandlerContext, scriptId: string, name: string, source: string): Promise<LiveObject> {
  let data: Buffer;
  try {
    data = readFileSync(source);
  } catch {
    throw new BridgeError(`${ctx.subject}: source file ${source} cannot be read; check the path and its permissions`);
  }
  const list = () => ctx.api.request<LiveObject[]>('GET', `/blueprint/scripts/${scriptId}/attachments`);
  const before = await list();
  let att = before.find((a) => a.name === name);
  if (att?.uploaded) {
    ctx.log(`found uploaded attachment ${name} (${att.id}); adopting it`);
    return att;
  }
  if (att) ctx.log(`found attachment ${name} (${att.id}) without its upload; finishing it`);
  else {
    ctx.log(`creating attachment ${name}`);
    const known = new Set(before.map((a) => a.id));
    att = await ctx.api.createOnce('attachment', { name }, async () => (await list()).find((a) => a.name === name && !known.has(a.id)), { script_id: scriptId });
  }
  ctx.log(`uploading attachment ${name} (${data.length} bytes)`);
  await ctx.api.upload(String(att.upload_url), data);
  await ctx.api.request('PUT', `/blueprint/attachments/${att.id}/uploaded`, { name });
  return ctx.api.show('attachment', att.id);
}
