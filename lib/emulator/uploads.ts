// File transfers: files of the kinds whose answers carry an `upload_url` (cookbook archives, script
// attachments) are PUT (raw body, chunked, no
// Content-Type) to that absolute `upload_url` the emulator serves itself over the same mTLS
// (`https://HOST:PORT/_uploads/<token>`); attachments are read back from
// `https://HOST:PORT/_downloads/<token>` (200 with the bytes). Bytes live in `DIR/uploads/`.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { kindSpec, uploadKinds } from '../catalog';
import type { EmulatorServices } from './services';
import { newToken } from './ids';
import { notFound } from './http-errors';
import type { ApiResponse } from './exchange';
import type { StoredObject } from './store';

export const UPLOAD_PREFIX = '/_uploads/';
export const DOWNLOAD_PREFIX = '/_downloads/';
/** Largest accepted upload. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/** Bookkeeping on an object that takes an upload. */
export interface UploadSlot {
  readonly token: string;
  /** Bytes received, absent until the upload happened. */
  bytes?: number;
  sha256?: string;
}

export const UPLOAD_META = '$upload';

export function uploadSlot(obj: StoredObject): UploadSlot | undefined {
  return obj[UPLOAD_META] as UploadSlot | undefined;
}

/** Whether the object's file has been uploaded. */
export function isUploaded(obj: StoredObject): boolean {
  return uploadSlot(obj)?.bytes !== undefined;
}

export class UploadStore {
  constructor(readonly dir: string) {}

  /** Gives an object a new upload slot. */
  open(obj: StoredObject): UploadSlot {
    const slot: UploadSlot = { token: newToken() };
    obj[UPLOAD_META] = slot;
    return slot;
  }

  private file(token: string): string {
    if (!/^[0-9a-f]{32}$/.test(token)) throw notFound(`no upload with token '${token}'`);
    return join(this.dir, token);
  }

  read(token: string): Promise<Buffer> {
    return fs.readFile(this.file(token));
  }

  async write(token: string, bytes: Buffer): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true, mode: 0o700 });
    await fs.writeFile(this.file(token), bytes, { mode: 0o600 });
  }

  /** Deletes an object's file, if any (best effort, in the background). */
  discard(obj: StoredObject): void {
    const slot = uploadSlot(obj);
    if (slot) void fs.rm(this.file(slot.token), { force: true }).catch(() => undefined);
  }
}

function owner(ctx: EmulatorServices, token: string): { kind: string; obj: StoredObject } | undefined {
  for (const { kind } of uploadKinds()) {
    const obj = ctx.store.list(kind).find((o) => uploadSlot(o)?.token === token);
    if (obj) return { kind, obj };
  }
  return undefined;
}

/** Absolute upload and download URLs of an object with an upload slot. */
export function uploadUrl(ctx: EmulatorServices, obj: StoredObject): string {
  return `${ctx.baseUrl()}${UPLOAD_PREFIX}${uploadSlot(obj)?.token ?? ''}`;
}

export function downloadUrl(ctx: EmulatorServices, obj: StoredObject): string {
  return `${ctx.baseUrl()}${DOWNLOAD_PREFIX}${uploadSlot(obj)?.token ?? ''}`;
}

/** PUT <upload_url>: stores the raw body as the object's file. */
export async function receiveUpload(ctx: EmulatorServices, token: string, body: Buffer): Promise<ApiResponse> {
  const found = owner(ctx, token);
  if (!found) throw notFound(`no upload slot with token '${token}'; create the cookbook version or attachment first and use its upload_url`);
  const { kind, obj } = found;
  ctx.behaviour(kind)?.checkUpload?.(ctx, obj);
  await ctx.uploads.write(token, body);
  const slot = uploadSlot(obj)!;
  slot.bytes = body.length;
  slot.sha256 = createHash('sha256').update(body).digest('hex');
  ctx.behaviour(kind)?.onUpload?.(ctx, obj, body);
  ctx.store.changed();
  return { status: 200 };
}

/** GET <download_url>: the attachment's bytes. */
export async function sendDownload(ctx: EmulatorServices, token: string): Promise<ApiResponse> {
  const found = owner(ctx, token);
  if (!found || !kindSpec(found.kind).responseFields.includes('download_url') || !isUploaded(found.obj)) {
    throw notFound(`no uploaded file with token '${token}'`);
  }
  const bytes = await ctx.uploads.read(token);
  const name = String(found.obj.name).replace(/["\\\r\n]/g, '_');
  return {
    status: 200,
    bytes,
    headers: { 'Content-Type': 'application/octet-stream', 'Content-Disposition': `attachment; filename="${name}"` },
  };
}
