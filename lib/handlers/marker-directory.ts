// The directory imco-bridge keeps its markers in (run markers, lib/handlers/run-marker.ts; prune
// declarations, lib/handlers/prune.ts): IMCO_BRIDGE_MARKERS, else $TMPDIR/imco-bridge-markers. And
// the one-line explanation of a file-system refusal there or elsewhere under TMPDIR (a full disk, a
// read-only mount, a directory that is not ours): which path, what the system said, and which
// variable moves the directory — Node's own `ENOSPC: no space left on device, write` names neither.
import { tmpdir } from 'node:os';
import { join, relative, isAbsolute, resolve } from 'node:path';
import type { Environment } from './invocation';

/** Environment variable that moves the markers directory. */
export const MARKERS_ENV = 'IMCO_BRIDGE_MARKERS';

/** Where markers live: `$IMCO_BRIDGE_MARKERS`, else `$TMPDIR/imco-bridge-markers` (`/tmp` without TMPDIR). */
export function markerDirectory(env: Environment = process.env, cwd: string = process.cwd()): string {
  const given = env[MARKERS_ENV];
  return given !== undefined && given !== '' ? resolve(cwd, given) : join(tmpdir(), 'imco-bridge-markers');
}

const REFUSALS: Readonly<Record<string, { readonly said: string; readonly fix: string }>> = {
  ENOSPC: { said: 'no space left on device', fix: 'free space there' },
  EDQUOT: { said: 'disk quota exceeded', fix: 'free space there' },
  EROFS: { said: 'read-only file system', fix: 'it must be writable' },
  EACCES: { said: 'permission denied', fix: 'it must be writable by this user' },
  EPERM: { said: 'operation not permitted', fix: 'it must be writable by this user' },
};

/** True for an error of the file system refusing a write: full, read-only or not permitted. */
export function isFileSystemRefusal(err: unknown): err is NodeJS.ErrnoException {
  return typeof err === 'object' && err !== null && typeof (err as NodeJS.ErrnoException).code === 'string' && (err as NodeJS.ErrnoException).code! in REFUSALS;
}

function inside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * One line for a file-system refusal: the path (the error's own, else `where`), what the system
 * said, and the variable that moves the directory when the path is the markers directory or under
 * TMPDIR.
 */
export function describeFileSystemRefusal(err: NodeJS.ErrnoException, where?: string, env: Environment = process.env, cwd: string = process.cwd()): string {
  const code = String(err.code);
  const { said, fix } = REFUSALS[code] ?? { said: err.message, fix: 'check the directory' };
  const path = err.path ?? where ?? 'a file';
  const head = `cannot write ${path}: ${said} (${code})`;
  const markers = markerDirectory(env, cwd);
  if (inside(path, markers)) {
    const byDefault = env[MARKERS_ENV] ? '' : ` (by default it is $TMPDIR/imco-bridge-markers, so pointing TMPDIR elsewhere moves it too)`;
    return `${head}; ${fix}, or point ${MARKERS_ENV} at a writable directory with free space for imco-bridge's markers${byDefault}`;
  }
  if (inside(path, tmpdir())) return `${head}; ${fix}, or point TMPDIR at a writable directory with free space`;
  return `${head}; ${fix}`;
}
