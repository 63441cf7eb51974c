// Reading secrets from their references, the same at synth and at apply: a set-but-empty variable
// is told from an unset one, a file loses exactly one trailing newline (not a PEM key's), must be
// UTF-8 (or UTF-16 with a mark), and a private key protected by a passphrase or readable by its
// group or by everyone is refused. The value never appears in a failure.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSecretSource, trimTrailingNewline } from '../../lib/spec/secret-source';
import { fakeOpensshKeyWithCipher, fakeOpensshPrivateKey } from '../support/fake-keys';
import { withEnv } from '../support/env';

const dir = mkdtempSync(join(tmpdir(), 'imco-secret-source-'));
function file(name: string, content: string | Buffer, mode = 0o600): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  chmodSync(path, mode);
  return path;
}

test('exactly one trailing newline is trimmed: \\n or \\r\\n, not two, not other whitespace', () => {
  expect(trimTrailingNewline('psk\n')).toBe('psk');
  expect(trimTrailingNewline('psk\r\n')).toBe('psk');
  expect(trimTrailingNewline('psk\n\n')).toBe('psk\n');
  expect(trimTrailingNewline('psk \t')).toBe('psk \t');
  expect(trimTrailingNewline('psk')).toBe('psk');
  expect(trimTrailingNewline('\n')).toBe('');
});

test("a PEM or OpenSSH key keeps its final newline (the key format's)", () => {
  const key = fakeOpensshPrivateKey().pem;
  expect(key.endsWith('-----\n')).toBe(true);
  expect(trimTrailingNewline(key)).toBe(key);
});

test('a file written by echo reaches IMCO without the newline', () => {
  expect(readSecretSource({ file: file('psk', 'hunter2-psk\n') })).toEqual({ text: 'hunter2-psk' });
  expect(readSecretSource({ file: file('psk-crlf', 'hunter2-psk\r\n') })).toEqual({ text: 'hunter2-psk' });
});

test('an environment variable: unset, set but empty, set', () => {
  withEnv({ SS_UNSET: undefined, SS_EMPTY: '', SS_SET: 'v\n' }, () => {
    expect(readSecretSource({ env: 'SS_UNSET' })).toEqual({ failure: { reason: 'unset' } });
    expect(readSecretSource({ env: 'SS_EMPTY' })).toEqual({ failure: { reason: 'empty' } });
    expect(readSecretSource({ env: 'SS_SET' })).toEqual({ text: 'v\n' }); // variables are taken as they are
  });
});

test('a missing file is unreadable; a Latin-1 file is refused with the iconv command; UTF-16 with a mark is decoded', () => {
  expect(readSecretSource({ file: join(dir, 'nope') })).toEqual({ failure: { reason: 'unreadable', code: 'ENOENT' } });
  const latin1 = file('latin1', Buffer.from('pass\xe9\n', 'latin1'));
  const result = readSecretSource({ file: latin1 });
  expect(result.failure).toEqual({ reason: 'problem', problem: expect.stringContaining(`file ${latin1} is not UTF-8 text (byte 0xE9 at line 1, column 5`) });
  expect(JSON.stringify(result)).toContain('iconv -f latin1 -t utf-8');
  const utf16 = file('utf16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('passé\r\n', 'utf16le')]));
  expect(readSecretSource({ file: utf16 })).toEqual({ text: 'passé' });
});

test('a private key protected by a passphrase is refused, from a file or a variable, without its content', () => {
  const key = fakeOpensshKeyWithCipher('aes256-ctr');
  const path = file('id_enc', key.pem);
  const fromFile = readSecretSource({ file: path });
  expect(fromFile.failure).toEqual({
    reason: 'problem',
    problem: `file ${path} holds a private key protected by a passphrase, which IMCO cannot use; give the unencrypted key (e.g. a copy made with ssh-keygen -p -N '' -f <copy>), kept at mode 0600`,
  });
  withEnv({ SS_KEY: key.pem }, () => {
    const fromEnv = readSecretSource({ env: 'SS_KEY' });
    expect(fromEnv.failure).toEqual({ reason: 'problem', problem: expect.stringMatching(/^environment variable SS_KEY holds a private key protected by a passphrase/) });
  });
  expect(JSON.stringify(fromFile)).not.toContain(key.body.slice(0, 20));
});

test('a private key file readable by its group or by everyone is refused; 0600 and 0400 are used', () => {
  const key = fakeOpensshKeyWithCipher('none').pem;
  const open = file('id_644', key, 0o644);
  expect(readSecretSource({ file: open }).failure).toEqual({
    reason: 'problem',
    problem: `file ${open} holds a private key readable by every user on this machine (mode 0644); refusing to upload it — run: chmod 600 ${open}`,
  });
  const group = file('id_640', key, 0o640);
  expect(readSecretSource({ file: group }).failure).toEqual({ reason: 'problem', problem: expect.stringContaining("readable by the file's group (mode 0640)") });
  expect(readSecretSource({ file: file('id_600', key, 0o600) })).toEqual({ text: key });
  expect(readSecretSource({ file: file('id_400', key, 0o400) })).toEqual({ text: key });
  // Other secrets (not keys) are not held to the key rule.
  expect(readSecretSource({ file: file('psk_644', 'psk\n', 0o644) })).toEqual({ text: 'psk' });
});
