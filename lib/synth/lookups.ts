// Synchronous synth-time lookups. Values come from imco.context.json; a miss is fetched once with
// the configured credentials (through a short-lived `imco-bridge context fetch`) and written back.
// With IMCO_CONTEXT=strict (CI) a miss is recorded instead, and synth fails listing every miss.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { contextFilePath, readContextFile, writeContextFile, type ContextFile } from './context-file';
import { describeLookup, lookupKey, type LookupQuery, type LookupValue } from './lookup-query';

const loaded = new Map<string, ContextFile>();
const missing = new Map<string, LookupQuery>();

/** True when lookups must come from the committed file only. */
export function strictContext(): boolean {
  return (process.env.IMCO_CONTEXT ?? '').toLowerCase() === 'strict';
}

function contextFile(): ContextFile {
  const path = contextFilePath();
  let file = loaded.get(path);
  if (!file) {
    file = readContextFile(path);
    loaded.set(path, file);
  }
  return file;
}

/** Forgets cached context files and recorded misses (tests, long-running processes). */
export function resetLookupCache(): void {
  loaded.clear();
  missing.clear();
}

/** Lookups that missed in strict mode, by key. */
export function missingLookups(): ReadonlyMap<string, LookupQuery> {
  return missing;
}

/** The message a strict synth fails with: every missing lookup and the command that fills them. */
export function missingLookupsMessage(): string {
  const keys = [...missing.keys()].sort();
  const list = keys.map((k) => `  - ${describeLookup(missing.get(k)!)}  [${k}]`).join('\n');
  const args = keys.map((k) => `'${k.replace(/'/g, `'\\''`)}'`).join(' ');
  return (
    `${keys.length} lookup(s) missing from ${contextFilePath()} (IMCO_CONTEXT=strict):\n${list}\n` +
    `Fill them with IMCO credentials configured: npx imco-bridge context refresh ${args}\nthen commit the file.`
  );
}

/** Path of the imco-bridge entry script (works from sources and from dist/). */
export function bridgeScript(): string {
  // lib/synth → ../../bin (sources under ts-jest) and dist/lib/synth → ../../../bin (compiled).
  return __dirname.includes(`${join('dist', 'lib')}`) ? join(__dirname, '..', '..', '..', 'bin', 'imco-bridge.js') : join(__dirname, '..', '..', 'bin', 'imco-bridge.js');
}

interface FetchAnswer {
  readonly [key: string]: { readonly value?: LookupValue; readonly error?: string };
}

/** Fetches lookups synchronously through `imco-bridge context fetch`. */
export function fetchLookups(queries: readonly LookupQuery[], env: Readonly<Record<string, string>> = {}): FetchAnswer {
  let out: string;
  try {
    out = execFileSync(process.execPath, [bridgeScript(), 'context', 'fetch'], {
      input: JSON.stringify(queries),
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 120_000,
    }).toString();
  } catch (err) {
    const stderr = String((err as { stderr?: Buffer }).stderr ?? '').trim().split('\n')[0];
    throw new Error(`cannot fetch ${queries.map(describeLookup).join(', ')} from IMCO: ${stderr || 'imco-bridge context fetch failed'}`);
  }
  return JSON.parse(out) as FetchAnswer;
}

/**
 * Resolves a lookup (`env`: credential variables of the stack's settings, for a fetch). Returns undefined only in strict mode on a miss (the miss is recorded and the
 * caller reports it through validation); other failures throw with the reason and the fix.
 */
export function lookup(query: LookupQuery, env: Readonly<Record<string, string>> = {}): LookupValue | undefined {
  const key = lookupKey(query);
  const file = contextFile();
  const hit = file.entries[key];
  if (hit) return hit;
  if (strictContext()) {
    missing.set(key, query);
    return undefined;
  }
  const answer = fetchLookups([query], env)[key];
  if (!answer?.value) throw new Error(answer?.error ?? `${describeLookup(query)}: no answer from IMCO`);
  file.entries[key] = answer.value;
  writeContextFile(file);
  return answer.value;
}
