// Generic code names no IMCO kind: every per-kind list and behaviour comes from the catalog
// (lib/catalog) or a kind folder (lib/kinds/<kind>/). This scans every other lib/**/*.ts file for a
// string literal equal to a catalog kind name or a kind's own path segment (`vpcs`,
// `firewall_profiles`) and fails naming file:line. A few literals spell a kind name but mean something
// else (a TLS certificate's `server` usage); they are listed below with their meaning.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { KINDS } from '../../lib/catalog';

const ROOT = join(__dirname, '..', '..');
const LIB = join(ROOT, 'lib');
const EXEMPT = [join(LIB, 'kinds'), join(LIB, 'catalog')];

/** Literals that spell a kind name but mean something else, each with what it means. */
const OTHER_MEANINGS: readonly { readonly file: string; readonly literal: string; readonly meaning: string }[] = [
  { file: 'lib/client/config.ts', literal: 'server', meaning: "client.xml's `server` attribute (the endpoint)" },
  { file: 'lib/pki/certificates.ts', literal: 'server', meaning: 'a TLS certificate usage' },
  { file: 'lib/emulator/certs.ts', literal: 'server', meaning: 'a TLS certificate usage' },
  { file: 'lib/cli/', literal: 'events', meaning: 'the imco-bridge events verb' },
  { file: 'lib/constructs/provider/attributes.ts', literal: 'cookbook_versions', meaning: "a template's cookbook_versions field" },
  { file: 'lib/synth/lookup-query.ts', literal: 'location', meaning: "the lookup query's location field (LookupQuery.location)" },
  { file: 'lib/synth/lookup-query.ts', literal: 'realm', meaning: "the lookup query's realm field (LookupQuery.realm)" },
];

function otherMeaning(file: string, literal: string): boolean {
  const rel = relative(ROOT, file);
  return OTHER_MEANINGS.some((o) => o.literal === literal && (rel === o.file || (o.file.endsWith('/') && rel.startsWith(o.file))));
}

function sourceFiles(dir: string): string[] {
  if (EXEMPT.includes(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Kind names and each kind's own collection segment (the last one that is not a `{param}`). */
function forbiddenWords(): Map<string, string> {
  const words = new Map<string, string>();
  for (const spec of KINDS) {
    words.set(spec.kind, `kind ${spec.kind}`);
    const segment = spec.collectionPath.split('/').filter((s) => s && !s.startsWith('{')).pop();
    if (segment) words.set(segment, `path segment of ${spec.kind}`);
  }
  return words;
}

/** `file:line: 'literal' (why)` for each offending string literal of one file. */
export function kindLiteralsIn(file: string, text: string, words: Map<string, string>): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const why = words.get(node.text);
      const isImport = ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent) || ts.isExternalModuleReference(node.parent);
      if (why && !isImport && !otherMeaning(file, node.text)) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push(`${relative(ROOT, file)}:${line}: '${node.text}' (${why})`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

it('finds a kind name planted in generic code (the scan works)', () => {
  const words = forbiddenWords();
  expect(kindLiteralsIn('lib/handlers/x.ts', "const k = 'vpc';\nconst p = `firewall_profiles`;\n", words)).toEqual([
    "lib/handlers/x.ts:1: 'vpc' (kind vpc)",
    "lib/handlers/x.ts:2: 'firewall_profiles' (path segment of firewall_profile)",
  ]);
});

it('generic code under lib/ (outside lib/kinds and lib/catalog) names no IMCO kind', () => {
  const words = forbiddenWords();
  const found = sourceFiles(LIB).flatMap((file) => kindLiteralsIn(file, readFileSync(file, 'utf8'), words));
  expect(found).toEqual([]);
});
