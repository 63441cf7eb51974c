// The stack's list of declared objects, kept in Terraform state in pieces. Linux caps one
// environment variable at 128 KiB (MAX_ARG_STRLEN) and all of a process's arguments and variables
// at ARG_MAX (2 MiB), and a provisioner can only hand state to imco-bridge through its
// environment. So the list (JSON) is split at synth into chunks of at most OBJECT_CHUNK_BYTES,
// stored under `imco_objects_000`, `imco_objects_001`, … of the prune and sweep resources, and
// passed as IMCO_BRIDGE_OBJECTS_0 … IMCO_BRIDGE_OBJECTS_<MAX_OBJECT_CHUNKS-1> (missing ones empty);
// imco-bridge joins them again. Pure data: shared by the constructs and the handlers.
import type { DeclaredObject } from './prune';

/** Key prefix of the chunks in the resources' triggers / input. */
export const OBJECT_CHUNK_KEY_PREFIX = 'imco_objects_';
/** Environment variable prefix of the chunks. */
export const OBJECT_CHUNK_ENV_PREFIX = 'IMCO_BRIDGE_OBJECTS_';
/** Largest chunk (bytes of UTF-8): half of what one variable may hold. */
export const OBJECT_CHUNK_BYTES = 64 * 1024;
/** How many chunk variables a provisioner passes: 1 MiB of list in all, half of ARG_MAX. */
export const MAX_OBJECT_CHUNKS = 16;

/** Trigger / input key of chunk `i`. */
export function objectChunkKey(i: number): string {
  return `${OBJECT_CHUNK_KEY_PREFIX}${String(i).padStart(3, '0')}`;
}

/** Environment variable of chunk `i`. */
export function objectChunkEnv(i: number): string {
  return `${OBJECT_CHUNK_ENV_PREFIX}${i}`;
}

/** Splits `text` into pieces of at most `maxBytes` bytes of UTF-8, never inside a character. */
export function splitUtf8(text: string, maxBytes: number = OBJECT_CHUNK_BYTES): string[] {
  const chunks: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > maxBytes && current !== '') {
      chunks.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  if (current !== '' || chunks.length === 0) chunks.push(current);
  return chunks;
}

/** The JSON of the chunks in `env` joined again; undefined when the environment carries none. */
export function joinObjectChunks(env: Readonly<Record<string, string | undefined>>): string | undefined {
  let joined = '';
  let found = false;
  for (let i = 0; i < MAX_OBJECT_CHUNKS; i++) {
    const part = env[objectChunkEnv(i)];
    if (part === undefined || part === '') continue;
    joined += part;
    found = true;
  }
  return found ? joined : undefined;
}

/** Declared objects from their JSON (joined chunks, or the single `imco_objects` of older stacks). */
export function parseDeclaredObjects(text: string | undefined): DeclaredObject[] | undefined {
  try {
    const parsed = JSON.parse(text ?? '') as unknown;
    return Array.isArray(parsed) ? (parsed as DeclaredObject[]) : undefined;
  } catch {
    return undefined;
  }
}
