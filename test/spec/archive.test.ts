import { mkdtempSync, mkdirSync, writeFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { contentDigest, cookbookArchive, listFiles } from '../../lib/spec/archive';

function cookbook(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cb-'));
  mkdirSync(join(dir, 'recipes'));
  writeFileSync(join(dir, 'metadata.rb'), "name 'web'\nversion '1.2.3'\n");
  writeFileSync(join(dir, 'recipes', 'default.rb'), "package 'nginx'\n");
  return dir;
}

describe('cookbook archives', () => {
  it('are byte-identical for the same content regardless of file times', () => {
    const a = cookbook();
    const b = cookbook();
    utimesSync(join(b, 'metadata.rb'), new Date(2001, 1, 1), new Date(2001, 1, 1));
    expect(cookbookArchive(a, 'web').equals(cookbookArchive(b, 'web'))).toBe(true);
    expect(contentDigest(a)).toBe(contentDigest(b));
  });

  it('change digest when a file changes', () => {
    const a = cookbook();
    const before = contentDigest(a);
    writeFileSync(join(a, 'recipes', 'default.rb'), "package 'apache2'\n");
    expect(contentDigest(a)).not.toBe(before);
  });

  it('hold every file under the cookbook name in ustar format', () => {
    const tar = gunzipSync(cookbookArchive(cookbook(), 'web'));
    const names: string[] = [];
    for (let off = 0; off + 512 <= tar.length; ) {
      const name = tar.subarray(off, off + 100).toString('utf8').replace(/\0.*$/s, '');
      if (!name) break;
      expect(tar.subarray(off + 257, off + 262).toString()).toBe('ustar');
      const size = parseInt(tar.subarray(off + 124, off + 135).toString(), 8);
      names.push(name);
      off += 512 + Math.ceil(size / 512) * 512;
    }
    expect(names).toEqual(['web/metadata.rb', 'web/recipes/default.rb']);
    expect(listFiles(cookbook())).toEqual(['metadata.rb', 'recipes/default.rb']);
  });
});
