// `npm run docs`: TypeDoc documents the package root with no warning (typedoc.json treats warnings
// as errors, so a public member whose type the root does not export fails the run).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..');

it('typedoc validates the package root with no error and no warning', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typedoc', 'bin', 'typedoc'), '--emit', 'none'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const out = `${r.stdout}${r.stderr}`;
  expect(out).not.toMatch(/\[warning\]|\[error\]/);
  expect(r.status).toBe(0);
});
