// docs/architecture.md stays true to the tree: every file or folder path it names under lib/ or
// test/ exists (paths with a placeholder such as `<kind>` or a wildcard are patterns, not paths).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const DOC = join(ROOT, 'docs', 'architecture.md');

/** The concrete `lib/…` and `test/…` paths a markdown text names (trailing punctuation dropped). */
export function namedPaths(text: string): string[] {
  const found = text.match(/(?<![\w./-])(?:lib|test)\/[\w./<>*-]*/g) ?? [];
  const paths = found.map((p) => p.replace(/[.,:;]+$/, '')).filter((p) => !/[<>*]/.test(p));
  return [...new Set(paths)];
}

describe('docs/architecture.md', () => {
  const paths = namedPaths(readFileSync(DOC, 'utf8'));

  it('names paths of the tree (the extraction finds them)', () => {
    expect(paths.length).toBeGreaterThan(40);
    expect(paths).toContain('lib/kinds/provider-hooks.ts');
    expect(paths).toContain('test/fixtures/kinds/widget/catalog.ts');
  });

  it('names only paths that exist', () => {
    expect(paths.filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
  });

  it('extracts paths the way the check means (a check that can fail)', () => {
    const text = 'See `lib/kinds/<kind>/catalog.ts`, lib/catalog/kinds.ts, and (lib/nowhere/gone.ts). Not xlib/a.ts.';
    expect(namedPaths(text)).toEqual(['lib/catalog/kinds.ts', 'lib/nowhere/gone.ts']);
    expect(namedPaths(text).filter((p) => !existsSync(join(ROOT, p)))).toEqual(['lib/nowhere/gone.ts']);
  });
});
