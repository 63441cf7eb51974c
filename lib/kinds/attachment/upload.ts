// A script attachment put in place: created in its script (exactly once, even when the POST's
// answer is lost), its file uploaded and the upload confirmed. Used by the script handler (the
// provisioner flavours' attachments) and by the provider's imco_attachment, through the catalog's
// attachment operations.
import type { LiveObject } from '../../handlers/api';
import type { InvocationContext } from '../../handlers/invocation-context';

export interface AttachmentUploadOptions {
  /**
   * Take over an attachment of that name already in the script: an uploaded one as it is, one
   * without its upload by finishing it (a create cut off after the POST). Otherwise a new one is
   * created, and removed again when its upload fails.
   */
  readonly resume?: boolean;
}

/** Puts attachment `name` with `data` into script `scriptId`; resolves to the attachment. */
export async function uploadAttachment(
  ctx: InvocationContext,
  scriptId: string,
  name: string,
  data: Buffer,
  opts: AttachmentUploadOptions = {},
): Promise<LiveObject> {
  const params = { script_id: scriptId };
  const before = await ctx.api.list('attachment', params);
  const existing = opts.resume ? before.find((a) => a.name === name) : undefined;
  if (existing?.uploaded) {
    ctx.log(`found uploaded attachment ${name} (${existing.id}); adopting it`);
    return existing;
  }
  let att = existing;
  if (att) ctx.log(`found attachment ${name} (${att.id}) without its upload; finishing it`);
  else {
    ctx.log(`creating attachment ${name}`);
    // When the POST's answer is lost, the new attachment is the one of that name that was not there before.
    const known = new Set(before.map((a) => a.id));
    const find = async () => (await ctx.api.list('attachment', params)).find((a) => a.name === name && !known.has(a.id));
    att = await ctx.api.createOnce('attachment', { name }, find, params);
  }
  ctx.log(`uploading attachment ${name} (${data.length} bytes)`);
  try {
    await ctx.api.upload(String(att.upload_url), data);
    await ctx.api.action('attachment', 'uploaded', att.id, { name });
  } catch (err) {
    if (!existing && !opts.resume) await ctx.api.remove('attachment', att.id).catch(() => undefined);
    throw err;
  }
  return att;
}
