// The stack's declared objects as the prune and sweep resources carry them (lib/spec/object-chunks.ts):
// the list computed at synth from the registry, split into chunk keys, the provisioner variables
// that hand the chunks (and the resource's other, small keys) from `self` to imco-bridge, and the
// synth-time check that the list fits what a provisioner can pass.
import type { IConstruct } from 'constructs';
import {
  MAX_OBJECT_CHUNKS, OBJECT_CHUNK_BYTES, OBJECT_CHUNK_KEY_PREFIX, objectChunkEnv, objectChunkKey, splitUtf8,
} from '../spec/object-chunks';
import type { DeclaredObject } from '../spec/prune';
import { escapeTemplate } from './escape';
import type { ImcoObject } from './imco-object';
import { registryOf } from './registry';

/** The attribute of the resource that holds the chunks. */
export type ChunkAttribute = 'triggers_replace' | 'triggers' | 'input';

/** The declared objects of the stack of `scope`, sorted by path (raw JSON: not escaped). */
export function declaredObjectsJson(scope: IConstruct): string {
  const objects = registryOf(scope).objects as unknown as ImcoObject[];
  const list: DeclaredObject[] = objects
    .map((o) => ({ kind: o.kind, path: o.objectPath, self: o.ref }))
    .sort((a, b) => a.path.localeCompare(b.path));
  return JSON.stringify(list);
}

/** The chunk keys of a list (values escaped for Terraform templates). */
export function objectChunkMap(rawJson: string): Record<string, string> {
  return Object.fromEntries(splitUtf8(rawJson, OBJECT_CHUNK_BYTES).map((chunk, i) => [objectChunkKey(i), escapeTemplate(chunk)]));
}

/** Provisioner variables that pass every chunk of `self.<attribute>` (a missing chunk is empty). */
export function objectChunkEnvironment(attribute: ChunkAttribute): Record<string, string> {
  const env: Record<string, string> = {};
  for (let i = 0; i < MAX_OBJECT_CHUNKS; i++) env[objectChunkEnv(i)] = `\${lookup(self.${attribute}, "${objectChunkKey(i)}", "")}`;
  return env;
}

/** Expression (reads only `self`) for the JSON of `self.<attribute>` without the chunk keys. */
export function smallKeysExpression(attribute: ChunkAttribute): string {
  return `\${jsonencode({ for k, v in self.${attribute} : k => v if !startswith(k, "${OBJECT_CHUNK_KEY_PREFIX}") })}`;
}

/** Bytes each chunk variable will hold at apply for this list (for the environment size check). */
export function chunkVariableBytes(rawJson: () => string): Record<string, () => number> {
  let last: { json: string; chunks: string[] } | undefined;
  const chunks = (): string[] => {
    const json = rawJson();
    if (last?.json !== json) last = { json, chunks: splitUtf8(json, OBJECT_CHUNK_BYTES) };
    return last.chunks;
  };
  const out: Record<string, () => number> = {};
  for (let i = 0; i < MAX_OBJECT_CHUNKS; i++) out[objectChunkEnv(i)] = () => Buffer.byteLength(chunks()[i] ?? '');
  return out;
}

/** The declared list of the stack of `scope`, computed again only when an object was added. */
export function declaredObjectsCache(scope: IConstruct): () => string {
  let json = '';
  let count = -1;
  return () => {
    const n = registryOf(scope).objects.length;
    if (n !== count) {
      json = declaredObjectsJson(scope);
      count = n;
    }
    return json;
  };
}

/** Why the stack's list cannot be passed to imco-bridge, if it cannot (one line, with the fix). */
export function declaredObjectsProblem(stackName: string, rawJson: string, count: number): string | undefined {
  const bytes = Buffer.byteLength(rawJson);
  const max = MAX_OBJECT_CHUNKS * OBJECT_CHUNK_BYTES;
  if (splitUtf8(rawJson, OBJECT_CHUNK_BYTES).length <= MAX_OBJECT_CHUNKS) return undefined;
  return (
    `stack '${stackName}': the list of its ${count} IMCO objects is ${Math.ceil(bytes / 1024)} KiB, more than the ${max / 1024} KiB ` +
    "its prune and sweep resources can hand to imco-bridge (a provisioner's environment); split the objects over several stacks, or shorten their construct paths"
  );
}
