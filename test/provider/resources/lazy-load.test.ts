// Loading the provider definition and answering schema questions must not load the HTTP client
// (axios): the provider starts 3-5 times per Terraform command and schema calls come first.
// Checked in a plain Node process on the built dist/ (jest's module registry has no require.cache).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const DIST = join(__dirname, '..', '..', '..', 'dist', 'lib');

function loadedAfter(script: string): string[] {
  const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, DIST } });
  return JSON.parse(out) as string[];
}

const listLoaded = `process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((p) => /node_modules[\\\\/]axios[\\\\/]|client[\\\\/]client\\.js$|handlers[\\\\/]reconcile\\.js$/.test(p))))`;

test('requiring definition.ts and reading every schema loads neither axios nor the client', () => {
  const loaded = loadedAfter(
    `const { providerDefinition } = require(process.env.DIST + '/provider/definition.js');
     const def = providerDefinition();
     if (def.resources.length < 15) throw new Error('too few resources');
     JSON.stringify([def.providerSchema, def.resources.map((r) => r.schema)]);
     ${listLoaded}`,
  );
  expect(loaded).toEqual([]);
});

test('the check sees axios and the client once they are loaded (it can fail)', () => {
  const loaded = loadedAfter(`require(process.env.DIST + '/handlers/client-api.js'); ${listLoaded}`);
  expect(loaded.some((p) => /axios/.test(p))).toBe(true);
  expect(loaded.some((p) => /client\.js$/.test(p))).toBe(true);
});
