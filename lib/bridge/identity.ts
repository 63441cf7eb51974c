// Ownership identity: the label name that ties an IMCO object to one construct of one stack.
// Shared by constructs (which put it in triggers) and handlers (which find objects by it).
import { createHash } from 'node:crypto';

/** Characters IMCO allows in label names (API reference §8). */
const LABEL_NAME_OK = /^[A-Za-z0-9 ._-]+$/;
const MAX_LABEL_NAME = 100;

/** True when IMCO accepts `name` as a label name. */
export function isValidLabelName(name: string): boolean {
  return name.length > 0 && name.length <= MAX_LABEL_NAME && LABEL_NAME_OK.test(name);
}

/**
 * The ownership label name of the construct at `path` in `stack`: `<stack>.<path with / as .>`.
 * Characters IMCO does not allow become `_`; whenever that (or truncation) could make two
 * constructs collide, a short digest of the exact stack/path is appended.
 */
export function ownerLabelName(stack: string, path: string): string {
  const exact = `${stack}/${path}`;
  const readable = `${stack}.${path.split('/').join('.')}`;
  const cleaned = readable.replace(/[^A-Za-z0-9 ._-]/g, '_');
  if (cleaned === readable && cleaned.length <= MAX_LABEL_NAME) return cleaned;
  const digest = createHash('sha256').update(exact).digest('hex').slice(0, 10);
  return `${cleaned.slice(0, MAX_LABEL_NAME - 11)}-${digest}`;
}
