// Checks a private key must pass before this project uses or uploads it: not protected by a
// passphrase (neither IMCO nor cio can prompt for one) and not readable by other users of the
// machine. Shared by the mTLS client key (lib/client/credentials.ts) and SSH private keys given as
// secrets (lib/spec/secret-source.ts). Pure functions; key content never enters a result.

/** True when the text holds a PEM- or OpenSSH-framed private key. */
export function holdsPrivateKey(text: string): boolean {
  return /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(text);
}

const OPENSSH_MAGIC = 'openssh-key-v1\0';

/** The cipher an OpenSSH-format key is encrypted with (`none` when it is not), if the text holds one. */
function opensshCipher(text: string): string | undefined {
  const m = /-----BEGIN OPENSSH PRIVATE KEY-----([\s\S]*?)-----END OPENSSH PRIVATE KEY-----/.exec(text);
  if (!m) return undefined;
  const bytes = Buffer.from(m[1].replace(/\s+/g, ''), 'base64');
  if (bytes.length < OPENSSH_MAGIC.length + 4 || bytes.subarray(0, OPENSSH_MAGIC.length).toString('latin1') !== OPENSSH_MAGIC) return undefined;
  const length = bytes.readUInt32BE(OPENSSH_MAGIC.length);
  const start = OPENSSH_MAGIC.length + 4;
  if (length > 64 || start + length > bytes.length) return undefined;
  return bytes.subarray(start, start + length).toString('latin1');
}

/**
 * True when a private key is protected by a passphrase: PKCS#8 `ENCRYPTED PRIVATE KEY`, a
 * traditional PEM key with `Proc-Type: 4,ENCRYPTED`, or an OpenSSH key whose cipher is not `none`.
 */
export function passphraseProtected(text: string): boolean {
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(text)) return true;
  const cipher = opensshCipher(text);
  return cipher !== undefined && cipher !== 'none';
}

/**
 * Who besides the owner can read a key file of this mode: `every user on this machine`, `its group`
 * (checked only with `group: true`), or undefined. Always undefined on Windows (no POSIX modes).
 */
export function keyFileExposure(mode: number, options: { readonly group: boolean }, platform: string = process.platform): string | undefined {
  if (platform === 'win32') return undefined;
  if ((mode & 0o004) !== 0) return 'every user on this machine';
  if (options.group && (mode & 0o040) !== 0) return "the file's group";
  return undefined;
}

/** `0644`, for messages. */
export function octalMode(mode: number): string {
  return `0${(mode & 0o777).toString(8).padStart(3, '0')}`;
}
