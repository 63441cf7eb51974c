// Identifiers and timestamps: IMCO/Mongo-style 24-hex object ids, deterministic ids for seeded
// objects (stable across fresh state directories), upload tokens and RFC 3339 times.
import { createHash, randomBytes } from 'node:crypto';

const processRandom = randomBytes(5);
let counter = randomBytes(3).readUIntBE(0, 3);

/** A new ObjectId-like id: 4 bytes of seconds, 5 random bytes, a 3-byte counter (24 hex chars). */
export function newObjectId(nowMs: number = Date.now()): string {
  const buf = Buffer.alloc(12);
  buf.writeUInt32BE(Math.floor(nowMs / 1000) >>> 0, 0);
  processRandom.copy(buf, 4);
  counter = (counter + 1) % 0x1000000;
  buf.writeUIntBE(counter, 9, 3);
  return buf.toString('hex');
}

/** The id of a seeded object, derived from a stable key so every fresh emulator has the same ids. */
export function seedId(key: string): string {
  return createHash('sha256').update(`imco-emulator-seed:${key}`).digest('hex').slice(0, 24);
}

/** Unguessable token for upload/download URLs. */
export function newToken(): string {
  return randomBytes(16).toString('hex');
}

/** RFC 3339 timestamp (UTC, millisecond precision), as Go's time.Time decodes it. */
export function rfc3339(ms: number = Date.now()): string {
  return new Date(ms).toISOString();
}
