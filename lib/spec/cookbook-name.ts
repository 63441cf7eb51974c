// The name a cookbook is packed under: its metadata's `name` (metadata.json, metadata.rb), else the
// directory or archive name. Read by the constructs (at synth) and the provider (at plan).
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/** The cookbook's name from its metadata (metadata.json `name`, metadata.rb `name '…'`). */
export function metadataName(dir: string): string | undefined {
  try {
    const json = JSON.parse(readFileSync(join(dir, 'metadata.json'), 'utf8')) as { name?: unknown };
    if (typeof json.name === 'string' && json.name !== '') return json.name;
  } catch {
    // no metadata.json; try metadata.rb
  }
  try {
    const m = /^\s*name\s*\(?\s*['"]([^'"]+)['"]/m.exec(readFileSync(join(dir, 'metadata.rb'), 'utf8'));
    if (m) return m[1];
  } catch {
    // no metadata.rb
  }
  return undefined;
}

/** The cookbook's name: from its metadata, else the directory or archive name. */
export function cookbookName(path: string): string {
  const fallback = basename(path).replace(/\.(tar\.gz|tgz)$/, '');
  try {
    return statSync(path).isDirectory() ? metadataName(path) ?? fallback : fallback;
  } catch {
    return fallback;
  }
}
