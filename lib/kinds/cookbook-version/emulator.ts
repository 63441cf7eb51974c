// Cookbook versions: created empty with an upload_url; the uploaded archive is read at once
// (name, version, description, recipes from its metadata); process moves created → processing →
// ready, or → processing_error (unreadable archive) or → duplicated (same name and version already
// ready), with error_message saying why. A version used by a template cannot be deleted.
import type { KindBehaviour } from '../../emulator/behaviour';
import { readCookbookArchive, type ArchiveReading } from '../../emulator/cookbook-archive';
import { ApiError, unprocessable } from '../../emulator/http-errors';
import { isUploaded, uploadUrl } from '../../emulator/uploads';

const READING = '$archive';

export const cookbookVersions: KindBehaviour = {
  kind: 'cookbook_version',
  initialise(ctx, obj) {
    Object.assign(obj, {
      name: '',
      version: '',
      description: '',
      publicly_available: false,
      error_message: '',
      revision_id: '',
      recipes: [],
      global_legacy: false,
    });
    ctx.uploads.open(obj);
  },
  decorate(ctx, obj, out) {
    out.upload_url = uploadUrl(ctx, obj);
  },
  checkUpload(_ctx, obj) {
    if (obj.state !== 'created') {
      throw new ApiError(422, { errors: { upload: [`cookbook version ${obj.id} is ${String(obj.state)}; archives can be uploaded only before processing`] } });
    }
  },
  onUpload(_ctx, obj, bytes) {
    obj[READING] = readCookbookArchive(bytes);
  },
  actions: {
    process(ctx, version) {
      if (!isUploaded(version)) {
        throw unprocessable('upload_url', `nothing was uploaded for cookbook version ${version.id}; PUT the archive to its upload_url first`);
      }
      const reading = version[READING] as ArchiveReading;
      if ('error' in reading) return { steps: ['processing', 'processing_error'], finalPatch: { error_message: reading.error } };
      const { name, version: number, description, recipes, revisionId } = reading.metadata;
      const patch = { name, version: number, description, recipes: [...recipes], revision_id: revisionId, error_message: '' };
      const twin = ctx.store
        .list('cookbook_version')
        .find((v) => v.id !== version.id && v.name === name && v.version === number && v.state === 'ready');
      if (twin) {
        return {
          steps: ['processing', 'duplicated'],
          finalPatch: { ...patch, error_message: `cookbook ${name} ${number} already exists as cookbook version ${twin.id}` },
        };
      }
      return { steps: ['processing', 'ready'], finalPatch: patch };
    },
  },
  checkDelete(ctx, version, errors) {
    const users = ctx.store.list('template').filter((t) =>
      Object.values((t.cookbook_versions as Record<string, Record<string, unknown>>) ?? {}).some((e) => e.version_id === version.id),
    );
    if (users.length > 0) errors.add('base', `cookbook version is used by template(s) ${users.map((t) => t.id).join(', ')}; remove it from them first`);
  },
  onGone(ctx, version) {
    ctx.uploads.discard(version);
  },
};
