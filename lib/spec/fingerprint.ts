// Secret fingerprints: what Terraform sees of a secret, so that a rotation shows as an update
// without the value (or a cheaply brute-forced hash of it) ever reaching state.
import { createHash, createHmac, scryptSync } from 'node:crypto';

/** Derived keys by (scope, digest of the secret): one slow derivation per distinct secret and scope. */
const derivedKeys = new Map<string, Buffer>();

/**
 * The fingerprint of `secret` for the object `owner` in `scope` (the stack): an HMAC of the owner
 * keyed by a deliberately slow scrypt derivation of the secret, salted with the scope. Guessing a
 * secret from a fingerprint costs one scrypt per guess and per stack, while a secret shared by many
 * objects of a stack is derived once; equal secrets of different objects give different fingerprints.
 */
export function secretFingerprint(secret: string | Buffer, owner: string, scope: string): string {
  const cacheKey = createHash('sha256').update(scope).update('\0').update(secret).digest('hex');
  let key = derivedKeys.get(cacheKey);
  if (!key) {
    key = scryptSync(secret, `imco-cdktf:${scope}`, 32, { N: 16384, r: 8, p: 1 });
    derivedKeys.set(cacheKey, key);
  }
  return `scrypt-hmac:${createHmac('sha256', key).update(owner).digest('hex').slice(0, 32)}`;
}
