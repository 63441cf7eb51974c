// Local files the constructs read at synth (script code, attachments, public keys, cookbooks):
// path resolution against the current directory and content digests. Handlers read the same files
// at apply time, so every path that goes into a spec is absolute.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Absolute form of a user path (`~/` expanded, relative paths against the current directory). */
export function absolutePath(path: string): string {
  if (path === '~') return homedir();
  if (path.startsWith('~/')) return join(homedir(), path.slice(2));
  return resolve(path);
}

/** What is at a path: a file, a directory, or nothing readable. */
export function pathKind(path: string): 'file' | 'directory' | 'missing' {
  if (!existsSync(path)) return 'missing';
  try {
    const st = statSync(path);
    if (st.isDirectory()) return 'directory';
    return st.isFile() ? 'file' : 'missing';
  } catch {
    return 'missing';
  }
}

/** Hex sha256 of a file's bytes. */
export function sha256OfFile(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
