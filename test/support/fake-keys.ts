// Placeholder private keys for tests of secret handling: the PEM framing the code under test must
// recognise and never leak, around a random body made at run time. Never real key material (real
// keys, where a test needs them, come from lib/pki).
import { randomBytes } from 'node:crypto';

export interface FakePrivateKey {
  /** The whole PEM-framed text. */
  readonly pem: string;
  /** The random body alone: what a leak check searches for. */
  readonly body: string;
}

/** A placeholder key framed as `-----BEGIN <label>-----` (e.g. `RSA PRIVATE KEY`), random body. */
export function fakePemKey(label: string): FakePrivateKey {
  const body = randomBytes(36).toString('base64');
  return { pem: `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`, body };
}

/** An OpenSSH-framed placeholder key with a fresh random body. */
export function fakeOpensshPrivateKey(): FakePrivateKey {
  return fakePemKey('OPENSSH PRIVATE KEY');
}

/** A PKCS#8-framed placeholder key with a fresh random body. */
export function fakePkcs8PrivateKey(): FakePrivateKey {
  return fakePemKey('PRIVATE KEY');
}

/**
 * An OpenSSH-framed placeholder key whose body starts like a real one (`openssh-key-v1`, then the
 * cipher name: `none` for an unencrypted key, e.g. `aes256-ctr` for one protected by a passphrase),
 * followed by random bytes.
 */
export function fakeOpensshKeyWithCipher(cipher: string): FakePrivateKey {
  const name = Buffer.from(cipher, 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(name.length);
  const raw = Buffer.concat([Buffer.from('openssh-key-v1\0', 'latin1'), length, name, randomBytes(48)]);
  const body = raw.toString('base64').replace(/.{1,70}/g, '$&\n').trimEnd();
  return { pem: `-----BEGIN OPENSSH PRIVATE KEY-----\n${body}\n-----END OPENSSH PRIVATE KEY-----\n`, body };
}
