// Size limits of lib/: no file over 400 lines (generated protocol codecs excepted) and no function
// (declaration, method, arrow or function expression) over 80 lines, measured with the TypeScript
// compiler's own parse of each file.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const LIB = join(ROOT, 'lib');
const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 80;
/** Generated data, not code a person writes. */
const GENERATED = new Set(['lib/provider/protocol/tfplugin6-codecs.ts']);

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `<file>:<line> <name> (<n> lines)` for every function of `source` longer than the limit. */
export function longFunctions(file: string, text: string, limit = MAX_FUNCTION_LINES): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const lineOf = (pos: number): number => source.getLineAndCharacterOfPosition(pos).line + 1;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = lineOf(node.getStart(source));
      const lines = lineOf(node.getEnd()) - first + 1;
      if (lines > limit) {
        const named = (node as { name?: ts.Node }).name;
        const name = named ? named.getText(source) : nameOfAnonymous(node);
        found.push(`${file}:${first} ${name} (${lines} lines)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function nameOfAnonymous(node: ts.Node): string {
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && parent.name) return parent.name.getText();
  return '<anonymous function>';
}

const files = tsFiles(LIB).map((path) => ({ path, rel: relative(ROOT, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }));

describe('size limits of lib/', () => {
  it(`has no hand-written file over ${MAX_FILE_LINES} lines`, () => {
    const over = files
      .filter((f) => !GENERATED.has(f.rel))
      .map((f) => ({ rel: f.rel, lines: f.text.split('\n').length - (f.text.endsWith('\n') ? 1 : 0) }))
      .filter((f) => f.lines > MAX_FILE_LINES)
      .map((f) => `${f.rel} (${f.lines} lines)`);
    expect(over).toEqual([]);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines`, () => {
    const over = files.filter((f) => !GENERATED.has(f.rel)).flatMap((f) => longFunctions(f.rel, f.text));
    expect(over).toEqual([]);
  });

  it('measures a function the way the limit means (a check that can fail)', () => {
    const body = Array.from({ length: 85 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    expect(longFunctions('x.ts', `function big() {\n${body}\n}\nconst small = () => 1;\n`)).toEqual(['x.ts:1 big (87 lines)']);
    expect(longFunctions('x.ts', `class A {\n  m() {\n${body}\n  }\n}\n`)).toEqual(['x.ts:2 m (87 lines)']);
    expect(longFunctions('x.ts', `const f = () => {\n${body}\n};\n`)).toEqual(['x.ts:1 f (87 lines)']);
  });
});
