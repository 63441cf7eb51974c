// The client's typed facade for cookbook version objects (one method per operation; transport,
// retries and errors live in the client).
import { Facade } from '../../client/facade';
import { ImcoOutcomeUnknownError } from '../../client/errors';
import type * as T from '../../client/types';
import { resolveTransferUrl, uploadStreamFactory, type UploadSource } from '../../client/upload';

export interface CookbookUploadOptions {
  /** Labels for the new cookbook version (e.g. the ownership label). */
  readonly labelIds?: readonly string[];
}

export class CookbookVersionsApi extends Facade {
  list(): Promise<T.CookbookVersion[]> {
    return this.host.call('cookbook_version.list');
  }
  show(id: string): Promise<T.CookbookVersion> {
    return this.host.call('cookbook_version.show', { id });
  }
  /** Creates an empty version; its `upload_url` takes the archive. Prefer `upload`. */
  create(body: T.CookbookVersionCreate = {}): Promise<T.CookbookVersion> {
    return this.host.call('cookbook_version.create', {}, body);
  }
  /** Asks IMCO to process the uploaded archive (`processing` → `ready`). */
  process(id: string): Promise<T.CookbookVersion> {
    return this.host.call('cookbook_version.process', { id }, {});
  }
  remove(id: string): Promise<boolean> {
    return this.host.removeVia('cookbook_version.delete', { id });
  }
  /**
   * The `cio cookbook-versions upload` flow: create, PUT the archive to `upload_url` (chunked, no
   * Content-Type), process. On a failed upload or process the new version is deleted again.
   * Returns the version as `process` answered it (wait for `ready` with `waitFor`).
   */
  async upload(archive: UploadSource, options: CookbookUploadOptions = {}): Promise<T.CookbookVersion> {
    uploadStreamFactory(archive); // fail on an unreadable file before creating anything
    const created = await this.create(options.labelIds ? { label_ids: options.labelIds } : {});
    try {
      const url = resolveTransferUrl(created.upload_url, this.host.endpoint, 'upload', `cookbook version ${created.id}`);
      await this.host.uploadTo(url.toString(), archive);
      try {
        return await this.process(created.id);
      } catch (err) {
        if (!(err instanceof ImcoOutcomeUnknownError)) throw err;
        // The process request may have been acted on: look before asking again.
        const current = await this.show(created.id);
        return current.state === 'created' ? await this.process(created.id) : current;
      }
    } catch (err) {
      await this.remove(created.id).catch(() => false);
      throw err;
    }
  }
}
