// The private-key checks shared by the mTLS client key and SSH private keys given as secrets.
import { generateKeyPairSync } from 'node:crypto';
import { holdsPrivateKey, keyFileExposure, octalMode, passphraseProtected } from '../../lib/client/private-key';
import { fakeOpensshKeyWithCipher, fakeOpensshPrivateKey, fakePemKey } from '../support/fake-keys';

test('passphrase-protected keys are recognised in PKCS#8, traditional PEM and OpenSSH form', () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }).toString();
  const pkcs1 = privateKey.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }).toString();
  expect(pkcs8).toContain('ENCRYPTED PRIVATE KEY');
  expect(pkcs1).toContain('Proc-Type: 4,ENCRYPTED');
  expect(passphraseProtected(pkcs8)).toBe(true);
  expect(passphraseProtected(pkcs1)).toBe(true);
  expect(passphraseProtected(fakeOpensshKeyWithCipher('aes256-ctr').pem)).toBe(true);

  expect(passphraseProtected(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())).toBe(false);
  expect(passphraseProtected(fakeOpensshKeyWithCipher('none').pem)).toBe(false);
  expect(passphraseProtected(fakeOpensshPrivateKey().pem)).toBe(false); // body that is not an OpenSSH key: cannot tell
});

test('private keys are told from other text', () => {
  expect(holdsPrivateKey(fakeOpensshPrivateKey().pem)).toBe(true);
  expect(holdsPrivateKey(fakePemKey('RSA PRIVATE KEY').pem)).toBe(true);
  expect(holdsPrivateKey('psk-value')).toBe(false);
  expect(holdsPrivateKey('ssh-ed25519 AAAA ops')).toBe(false);
});

test('a key file readable by others is exposed; by its group only when the group counts', () => {
  expect(keyFileExposure(0o100600, { group: true }, 'linux')).toBeUndefined();
  expect(keyFileExposure(0o100400, { group: true }, 'linux')).toBeUndefined();
  expect(keyFileExposure(0o100644, { group: false }, 'linux')).toBe('every user on this machine');
  expect(keyFileExposure(0o100640, { group: false }, 'linux')).toBeUndefined();
  expect(keyFileExposure(0o100640, { group: true }, 'linux')).toBe("the file's group");
  expect(keyFileExposure(0o100644, { group: true }, 'win32')).toBeUndefined();
  expect(octalMode(0o100644)).toBe('0644');
});
