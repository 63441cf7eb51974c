// Files the project's own commands write into a checkout are git-ignored: running an example from
// the repository root writes its lookups (imco.context.json) and stack identity (imco.identity.json)
// there, and in this library's repository they belong to whichever platform a developer pointed the
// example at, not to the repository (an estate repository made by `imco-bridge init` commits them).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

it('git ignores the context and identity files the examples write into the checkout', () => {
  const files = ['imco.context.json', 'imco.identity.json', 'examples/imco.context.json', 'examples/imco.identity.json', '.imco-emulator/x'];
  const r = spawnSync('git', ['check-ignore', '--no-index', ...files], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stdout.trim().split('\n').sort()).toEqual([...files].sort());
});

it('does not ignore the ones an estate keeps in its own directories (test fixtures, scaffolds)', () => {
  const r = spawnSync('git', ['check-ignore', '--no-index', 'test/fixtures/imco.context.json', 'lib/scaffold/imco.identity.json'], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stdout).toBe('');
});
