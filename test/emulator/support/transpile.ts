// Transpiles the emulator CLI and what it imports (lib/cli/emulator.ts, lib/emulator, lib/catalog, lib/core, lib/kinds,
// lib/pki) into a directory once, so tests can run the real command as a child process without a
// build. Children find the project's node_modules through NODE_PATH.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as ts from 'typescript';

export const ROOT = join(__dirname, '..', '..', '..');
const SOURCES = ['lib/emulator', 'lib/catalog', 'lib/core', 'lib/kinds', 'lib/pki', 'lib/cli/emulator.ts'];

function tsFiles(path: string): string[] {
  if (path.endsWith('.ts')) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(path, e.name)) : e.name.endsWith('.ts') ? [join(path, e.name)] : [],
  );
}

/** Writes the JavaScript under `outDir`; returns the path of the CLI entry. */
export function transpileEmulatorCli(outDir: string): string {
  for (const file of SOURCES.flatMap((s) => tsFiles(join(ROOT, s)))) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, experimentalDecorators: true },
    });
    const target = join(outDir, relative(ROOT, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  return join(outDir, 'lib', 'cli', 'emulator.js');
}
