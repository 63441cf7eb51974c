// Cookbook archives: reads a cookbook's name, version, description and recipes from an uploaded
// .tar.gz (or plain .tar): metadata.json, else metadata.rb (name/version/description lines), at
// the archive root or in its top directory; recipes are `recipes/*.rb` next to the metadata.
// Understands ustar prefixes, GNU long names and pax path records. No external tools.
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';

export interface CookbookMetadata {
  readonly name: string;
  readonly version: string;
  readonly description: string;
  readonly recipes: readonly string[];
  /** Checksum of the archive bytes. */
  readonly revisionId: string;
}

export type ArchiveReading = { readonly metadata: CookbookMetadata } | { readonly error: string };

const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;
const COOKBOOK_NAME = /^[a-zA-Z0-9_-]+$/;
const VERSION = /^\d+\.\d+\.\d+$/;

function cString(block: Buffer, start: number, length: number): string {
  const slice = block.subarray(start, start + length);
  const end = slice.indexOf(0);
  return slice.subarray(0, end === -1 ? slice.length : end).toString('utf8');
}

/** Regular files of a tar archive, path → content. Throws on a truncated archive. */
export function readTar(tar: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const sizeText = cString(header, 124, 12).trim();
    const size = sizeText === '' ? 0 : parseInt(sizeText, 8);
    if (!Number.isFinite(size) || size < 0) throw new Error('corrupt tar header (size)');
    const type = String.fromCharCode(header[156] || 48);
    const start = offset + 512;
    if (start + size > tar.length) throw new Error('truncated tar archive');
    const data = tar.subarray(start, start + size);
    const magic = cString(header, 257, 6);
    const prefix = magic.startsWith('ustar') ? cString(header, 345, 155) : '';
    let name = prefix ? `${prefix}/${cString(header, 0, 100)}` : cString(header, 0, 100);
    if (type === 'L') {
      longName = cString(data, 0, data.length);
    } else if (type === 'x') {
      const path = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'));
      if (path) longName = path[1];
    } else if (type !== 'g') {
      if (longName !== undefined) name = longName;
      longName = undefined;
      if (type === '0' || type === '7') files.set(name.replace(/^\.\//, ''), Buffer.from(data));
    }
    offset = start + Math.ceil(size / 512) * 512;
  }
  return files;
}

function fromMetadataRb(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['name', 'version', 'description']) {
    const match = new RegExp(`^\\s*${key}\\s+(['"])(.*?)\\1\\s*$`, 'm').exec(text);
    if (match) out[key] = match[2];
  }
  return out;
}

export function readCookbookArchive(bytes: Buffer): ArchiveReading {
  const revisionId = createHash('sha1').update(bytes).digest('hex');
  let files: Map<string, Buffer>;
  try {
    const tar = bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes, { maxOutputLength: MAX_UNPACKED_BYTES }) : bytes;
    files = readTar(tar);
  } catch (err) {
    return { error: `the archive is not a readable .tar.gz (${(err as Error).message}); upload a cookbook packed with tar czf` };
  }
  const candidates = [...files.keys()]
    .filter((p) => /^([^/]+\/)?metadata\.(json|rb)$/.test(p))
    .sort((a, b) => a.split('/').length - b.split('/').length || (a.endsWith('.json') ? -1 : 1));
  const metadataPath = candidates[0];
  if (!metadataPath) return { error: 'the archive has no metadata.json or metadata.rb at its root or in its top directory' };
  const root = metadataPath.includes('/') ? metadataPath.slice(0, metadataPath.lastIndexOf('/') + 1) : '';
  let fields: Record<string, unknown>;
  try {
    const text = files.get(metadataPath)!.toString('utf8');
    fields = metadataPath.endsWith('.json') ? (JSON.parse(text) as Record<string, unknown>) : fromMetadataRb(text);
  } catch (err) {
    return { error: `${metadataPath} is not valid JSON (${(err as Error).message})` };
  }
  const name = typeof fields.name === 'string' ? fields.name : '';
  const version = typeof fields.version === 'string' ? fields.version : '';
  if (!COOKBOOK_NAME.test(name)) return { error: `${metadataPath} has no usable name (letters, digits, '_' and '-')` };
  if (!VERSION.test(version)) return { error: `${metadataPath} version '${version}' is not three numbers separated by dots, e.g. 1.2.3` };
  const recipes = [...files.keys()]
    .filter((p) => p.startsWith(`${root}recipes/`) && /^[^/]+\.rb$/.test(p.slice(`${root}recipes/`.length)))
    .map((p) => `${name}::${p.slice(`${root}recipes/`.length, -3)}`)
    .sort();
  const description = typeof fields.description === 'string' ? fields.description : '';
  return { metadata: { name, version, description, recipes, revisionId } };
}
