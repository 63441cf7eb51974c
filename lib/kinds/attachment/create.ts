// imco_attachment: a script attachment is created, then its file uploaded and confirmed. Identity
// is its name inside the script: a create that finds its name there (a create interrupted after the
// POST) adopts it and finishes the upload. Content changes replace it (the digest forces replacement).
import { readFileSync } from 'node:fs';
import type { LiveObject } from '../../handlers/api';
import type { InvocationContext } from '../../handlers/invocation-context';
import { BridgeError } from '../../handlers/errors';
import { uploadAttachment } from './upload';

export async function createAttachment(ctx: InvocationContext, scriptId: string, name: string, source: string): Promise<LiveObject> {
  let data: Buffer;
  try {
    data = readFileSync(source);
  } catch {
    throw new BridgeError(`${ctx.subject}: source file ${source} cannot be read; check the path and its permissions`);
  }
  const att = await uploadAttachment(ctx, scriptId, name, data, { resume: true });
  return ctx.api.show('attachment', att.id);
}
