// The client's typed facade for attachment objects (one method per operation; transport,
// retries and errors live in the client).
import { Facade } from '../../client/facade';
import type * as T from '../../client/types';
import { resolveTransferUrl, uploadStreamFactory, type UploadSource } from '../../client/upload';

export class ScriptAttachmentsApi extends Facade {
  list(scriptId: string): Promise<T.Attachment[]> {
    return this.host.call('attachment.list', { script_id: scriptId });
  }
  /** Creates an attachment record; its `upload_url` takes the file. Prefer `upload`. */
  create(scriptId: string, name: string): Promise<T.Attachment> {
    return this.host.call('attachment.create', { script_id: scriptId }, { name });
  }
  show(id: string): Promise<T.Attachment> {
    return this.host.call('attachment.show', { id });
  }
  /** Marks the file as uploaded. */
  markUploaded(id: string, name?: string): Promise<T.Attachment> {
    return this.host.call('attachment.uploaded', { id }, name ? { name } : {});
  }
  remove(id: string): Promise<boolean> {
    return this.host.removeVia('attachment.delete', { id });
  }
  /** The attachment's file, read from its `download_url`. */
  async download(id: string): Promise<Buffer> {
    const attachment = await this.show(id);
    const url = resolveTransferUrl(attachment.download_url, this.host.endpoint, 'download', `attachment ${id}`);
    return this.host.downloadFrom(url.toString());
  }
  /**
   * The `cio scripts attachments add` flow: create, PUT the file to `upload_url` (chunked, no
   * Content-Type), mark uploaded. On failure the attachment is deleted again.
   */
  async upload(scriptId: string, name: string, file: UploadSource): Promise<T.Attachment> {
    uploadStreamFactory(file);
    const created = await this.create(scriptId, name);
    try {
      const url = resolveTransferUrl(created.upload_url, this.host.endpoint, 'upload', `attachment ${created.id}`);
      await this.host.uploadTo(url.toString(), file);
      return await this.markUploaded(created.id, name);
    } catch (err) {
      await this.remove(created.id).catch(() => false);
      throw err;
    }
  }
}
