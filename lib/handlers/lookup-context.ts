// The lookup context (imco.context.json) against IMCO, for `imco-bridge context fetch|refresh`
// (lib/cli/verbs/context.ts): resolves synth-time lookups. `fetch` answers
// queries on stdin (used by synth); `refresh` re-resolves a context file's entries (plus given keys).
import { contextFilePath, readContextFile, sameLookupValue, writeContextFile } from '../synth/context-file';
import { lookupKey, parseLookupKey, type LookupQuery, type LookupValue } from '../synth/lookup-query';
import { LookupError, resolveLookup, type ListFn } from '../synth/resolve-lookup';
import type { BridgeApi } from './api';

/** A list function that lists each catalogue at most once. */
function cachedList(api: BridgeApi): ListFn {
  const cache = new Map<string, Promise<Array<Record<string, unknown>>>>();
  return (kind, parentParams) => {
    const key = `${kind}?${JSON.stringify(parentParams ?? {})}`;
    let p = cache.get(key);
    if (!p) {
      p = api.list(kind, parentParams) as Promise<Array<Record<string, unknown>>>;
      cache.set(key, p);
    }
    return p;
  };
}

export async function fetchQueries(api: BridgeApi, queries: readonly LookupQuery[]): Promise<Record<string, { value?: LookupValue; error?: string }>> {
  const list = cachedList(api);
  const out: Record<string, { value?: LookupValue; error?: string }> = {};
  for (const q of queries) {
    try {
      out[lookupKey(q)] = { value: await resolveLookup(q, list) };
    } catch (err) {
      // A name IMCO does not know is this lookup's problem; a failing API (TLS, credentials,
      // network) is everyone's: stop with that one error.
      if (!(err instanceof LookupError)) throw err;
      out[lookupKey(q)] = { error: err.message };
    }
  }
  return out;
}

/** Re-resolves every entry of the context file plus `extraKeys`; returns a summary line per key. */
export async function refreshContext(api: BridgeApi, extraKeys: readonly string[], path = contextFilePath()): Promise<{ lines: string[]; failed: number }> {
  const file = readContextFile(path);
  const keys = [...new Set([...Object.keys(file.entries), ...extraKeys])].sort();
  const answers = await fetchQueries(api, keys.map(parseLookupKey));
  const lines: string[] = [];
  let failed = 0;
  for (const key of keys) {
    const a = answers[key];
    if (a.value) {
      const before = file.entries[key];
      file.entries[key] = a.value;
      lines.push(`${before ? (sameLookupValue(before, a.value) ? 'unchanged' : 'updated  ') : 'added    '} ${key} -> ${a.value.id}`);
    } else {
      failed++;
      lines.push(`failed    ${key}: ${a.error}`);
    }
  }
  writeContextFile(file);
  return { lines, failed };
}
