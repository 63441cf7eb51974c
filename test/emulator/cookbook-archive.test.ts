// Unit tests of reading cookbook metadata from uploaded archives.
import { readCookbookArchive, readTar } from '../../lib/emulator/cookbook-archive';
import { cookbookArchive, tar, tarGz } from './support/tar';

it('reads name, version, description and recipes from metadata.rb in a .tar.gz', () => {
  const reading = readCookbookArchive(cookbookArchive('webserver', '2.0.1'));
  expect(reading).toEqual({
    metadata: {
      name: 'webserver',
      version: '2.0.1',
      description: 'Installs a webserver',
      recipes: ['webserver::config', 'webserver::default'],
      revisionId: expect.stringMatching(/^[0-9a-f]{40}$/),
    },
  });
});

it('prefers metadata.json and accepts a plain tar with files at the root', () => {
  const reading = readCookbookArchive(
    tar({
      'metadata.json': JSON.stringify({ name: 'db', version: '0.1.0', description: 'database' }),
      'metadata.rb': "name 'other'\nversion '9.9.9'\n",
      'recipes/default.rb': '',
      'recipes/nested/ignored.rb': '',
    }),
  );
  expect(reading).toMatchObject({ metadata: { name: 'db', version: '0.1.0', description: 'database', recipes: ['db::default'] } });
});

it('reports unreadable archives, missing metadata and bad versions', () => {
  expect(readCookbookArchive(Buffer.from('not an archive at all'))).toEqual({ error: expect.stringContaining('metadata') });
  expect(readCookbookArchive(Buffer.from([0x1f, 0x8b, 1, 2, 3]))).toEqual({ error: expect.stringContaining('not a readable .tar.gz') });
  expect(readCookbookArchive(tarGz({ 'x/README.md': 'hi' }))).toEqual({ error: expect.stringContaining('no metadata.json or metadata.rb') });
  expect(readCookbookArchive(tarGz({ 'x/metadata.rb': "name 'x'\nversion '1.2'\n" }))).toEqual({ error: expect.stringContaining("version '1.2'") });
  expect(readCookbookArchive(tarGz({ 'x/metadata.json': '{bad' }))).toEqual({ error: expect.stringContaining('not valid JSON') });
});

it('follows GNU long names', () => {
  const long = `${'d'.repeat(120)}/metadata.rb`;
  const archive = Buffer.concat([
    tar({ '././@LongLink': long }).subarray(0, 1024),
    tar({ placeholder: "name 'longname'\nversion '1.0.0'\n" }),
  ]);
  archive[156] = 'L'.charCodeAt(0);
  expect([...readTar(archive).keys()]).toEqual([long]);
});
