// Secret fingerprints: what Terraform sees of a secret, so that a rotation shows as an update
// without the value (or a cheaply brute-forced hash of it) ever reaching state.
import { scryptSync } from 'node:crypto';

/**
 * A salted, deliberately slow, truncated digest of `secret`. The salt is the owner's identity, so
 * equal secrets of different objects give different fingerprints.
 */
export function secretFingerprint(secret: string | Buffer, salt: string): string {
  const digest = scryptSync(secret, `imco-cdktf:${salt}`, 16, { N: 16384, r: 8, p: 1 });
  return `scrypt:${digest.toString('hex')}`;
}
