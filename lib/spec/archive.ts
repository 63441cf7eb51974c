// Deterministic cookbook archives: a directory becomes a gzip'd ustar archive with sorted entries,
// fixed times and modes, so the same content always gives the same bytes (and the same digest).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Files below `dir` as sorted, `/`-separated relative paths (symlinks and specials skipped). */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else if (st.isFile()) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Digest of a directory's content (paths and bytes) or of a file. */
export function contentDigest(path: string): string {
  const hash = createHash('sha256');
  if (statSync(path).isDirectory()) {
    for (const rel of listFiles(path)) {
      hash.update(rel).update('\0');
      hash.update(readFileSync(join(path, rel))).update('\0');
    }
  } else {
    hash.update(readFileSync(path));
  }
  return hash.digest('hex');
}

function header(name: string, size: number): Buffer {
  const h = Buffer.alloc(512, 0);
  let prefix = '';
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 155);
    if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100) throw new Error(`path too long for a cookbook archive: ${name}`);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  h.write(base, 0, 100, 'utf8');
  h.write('0000644\0', 100, 'ascii'); // mode
  h.write('0000000\0', 108, 'ascii'); // uid
  h.write('0000000\0', 116, 'ascii'); // gid
  h.write(size.toString(8).padStart(11, '0') + '\0', 124, 'ascii');
  h.write('00000000000\0', 136, 'ascii'); // mtime 0
  h.write('        ', 148, 'ascii'); // checksum placeholder
  h.write('0', 156, 'ascii'); // regular file
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
  return h;
}

/**
 * The archive to upload: a directory is packed as `<cookbook name>/<files>`; a file (already an
 * archive) is returned as it is.
 */
export function cookbookArchive(path: string, cookbookName: string): Buffer {
  if (!statSync(path).isDirectory()) return readFileSync(path);
  const parts: Buffer[] = [];
  for (const rel of listFiles(path)) {
    const data = readFileSync(join(path, rel));
    parts.push(header(`${cookbookName}/${rel}`, data.length), data);
    const pad = (512 - (data.length % 512)) % 512;
    if (pad) parts.push(Buffer.alloc(pad, 0));
  }
  parts.push(Buffer.alloc(1024, 0));
  return gzipSync(Buffer.concat(parts), { level: 9 });
}
