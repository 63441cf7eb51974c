// Scripts and their attachments: script parameters are unique non-empty names; a script used by a
// template cannot be deleted and its attachments go with it. Attachments get upload/download URLs
// served by the emulator; `PUT /blueprint/attachments/{id}/uploaded` needs the file uploaded first.
import type { KindBehaviour } from '../../emulator/behaviour';
import { removeNow } from '../../emulator/lifecycle';
import { downloadUrl, isUploaded, uploadUrl } from '../../emulator/uploads';
import { ApiError, unprocessable } from '../../emulator/http-errors';

function checkParameters(value: unknown, add: (message: string) => void): void {
  if (!Array.isArray(value)) return;
  const seen = new Set<string>();
  for (const name of value as string[]) {
    if (name.trim() === '') add('parameter names must not be blank');
    else if (seen.has(name)) add(`parameter '${name}' is listed twice`);
    seen.add(name);
  }
}

export const scripts: KindBehaviour = {
  kind: 'script',
  validateCreate(_ctx, { fields }, errors) {
    checkParameters(fields.parameters, (m) => errors.add('parameters', m));
  },
  validateUpdate(_ctx, _obj, fields, errors) {
    checkParameters(fields.parameters, (m) => errors.add('parameters', m));
  },
  checkDelete(ctx, script, errors) {
    const uses = ctx.store.list('template_script').filter((ts) => ts.script_id === script.id);
    if (uses.length > 0) {
      errors.add('base', `script is used by template(s) ${[...new Set(uses.map((u) => String(u.template_id)))].join(', ')}; remove it from their scripts first`);
    }
  },
  onGone(ctx, script) {
    for (const attachment of ctx.store.list('attachment').filter((a) => a.script_id === script.id)) removeNow(ctx, 'attachment', attachment);
  },
};

export const attachments: KindBehaviour = {
  kind: 'attachment',
  initialise(ctx, obj) {
    obj.uploaded = false;
    ctx.uploads.open(obj);
  },
  decorate(ctx, obj, out) {
    out.upload_url = uploadUrl(ctx, obj);
    out.download_url = downloadUrl(ctx, obj);
  },
  actions: {
    uploaded(_ctx, attachment) {
      if (!isUploaded(attachment)) {
        throw unprocessable('uploaded', `nothing was uploaded for attachment ${attachment.id}; PUT the file to its upload_url first`);
      }
      attachment.uploaded = true;
    },
  },
  checkUpload(_ctx, attachment) {
    if (attachment.uploaded === true) {
      throw new ApiError(422, { errors: { upload: [`attachment ${attachment.id} is already marked uploaded; create a new attachment to replace the file`] } });
    }
  },
  onGone(ctx, attachment) {
    ctx.uploads.discard(attachment);
  },
};
