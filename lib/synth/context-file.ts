// imco.context.json: resolved lookups, committed with the code so every runner synthesizes the same
// JSON. Written with sorted keys and a trailing newline, so it only changes when a value does.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LookupValue } from './lookup-query';

export const CONTEXT_FILE_NAME = 'imco.context.json';

export interface ContextFile {
  readonly path: string;
  readonly entries: Record<string, LookupValue>;
}

/** The context file path: IMCO_CONTEXT_FILE, else `imco.context.json` in the working directory. */
export function contextFilePath(): string {
  return resolve(process.env.IMCO_CONTEXT_FILE ?? join(process.cwd(), CONTEXT_FILE_NAME));
}

export function readContextFile(path = contextFilePath()): ContextFile {
  if (!existsSync(path)) return { path, entries: {} };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new Error(`${path} is not valid JSON: fix it, or delete it and run 'imco-bridge context refresh'`);
  }
  const lookups = (data as { lookups?: Record<string, LookupValue> }).lookups;
  if (typeof lookups !== 'object' || lookups === null) {
    throw new Error(`${path} has no "lookups" object: delete it and run 'imco-bridge context refresh'`);
  }
  return { path, entries: { ...lookups } };
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** True when two lookup values are the same (whatever their key order). */
export function sameLookupValue(a: LookupValue | undefined, b: LookupValue | undefined): boolean {
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

/** The file's exact text for a set of entries (stable: sorted keys, 2-space indent, final newline). */
export function renderContext(entries: Record<string, LookupValue>): string {
  return `${JSON.stringify(sorted({ lookups: entries }), null, 2)}\n`;
}

/** Writes atomically, and only when the text changes. */
export function writeContextFile(file: ContextFile): boolean {
  const text = renderContext(file.entries);
  if (existsSync(file.path) && readFileSync(file.path, 'utf8') === text) return false;
  const tmp = `${file.path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file.path);
  return true;
}
