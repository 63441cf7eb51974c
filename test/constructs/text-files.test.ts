// Text the constructs read from files at synth (issue 13 items 4 and 8): script code and public
// keys must be UTF-8 (a Latin-1 script is refused with the iconv command instead of reaching IMCO
// as U+FFFD; UTF-16 with a byte-order mark is decoded), and secrets are fingerprinted as the value
// IMCO will receive (one trailing newline trimmed), with an empty variable and an exposed or
// passphrase-protected SSH key refused at synth.
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { secretFingerprint } from '../../lib/spec/fingerprint';
import { ownerLabelName } from '../../lib/spec/identity';
import { Script, Secret, SshProfile, Vpc, Vpn } from '../../lib/constructs';
import { fakeOpensshKeyWithCipher } from '../support/fake-keys';
import { makeStack, resourcesOf, specOf, synthJson, triggersOf, validationErrors, withEnv } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'imco-text-files-'));
function file(name: string, content: string | Buffer, mode = 0o600): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  chmodSync(path, mode);
  return path;
}

test('a Latin-1 codeFile is a validation error naming the byte and the iconv command', () => {
  const path = file('latin1.sh', Buffer.from('#!/bin/sh\necho "Gr\xfc\xdfe"\n', 'latin1'));
  const { stack } = makeStack();
  new Script(stack, 'greet', { name: 'greet', codeFile: path });
  expect(validationErrors(stack)).toEqual([
    `[shop/greet] script 'greet': codeFile ${path} is not UTF-8 text (byte 0xFC at line 2, column 9; Latin-1 or Windows-1252?) and would reach IMCO mangled; ` +
      `convert it to UTF-8, e.g. iconv -f latin1 -t utf-8 '${path}' > '${path}.utf8' && mv '${path}.utf8' '${path}'`,
  ]);
});

test('a UTF-16 codeFile with a byte-order mark is decoded; a UTF-8 byte-order mark is dropped', () => {
  const code = '#!/bin/sh\necho "Grüße 🚀"\n';
  const utf16 = file('utf16.sh', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(code, 'utf16le')]));
  const bom = file('bom.sh', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(code, 'utf8')]));
  const { stack } = makeStack();
  new Script(stack, 'a', { name: 'a', codeFile: utf16 });
  new Script(stack, 'b', { name: 'b', codeFile: bom });
  expect(validationErrors(stack)).toEqual([]);
  const r = resourcesOf(synthJson(stack), 'terraform_data');
  expect(specOf(r.a).fields.code).toBe(code);
  expect(specOf(r.b).fields.code).toBe(code);
});

test('a publicKeyFile that is not UTF-8 is refused the same way', () => {
  const path = file('ops.pub', Buffer.from('ssh-ed25519 AAAAC3Nza ops@h\xf4te\n', 'latin1'));
  const { stack } = makeStack();
  new SshProfile(stack, 'keys', { name: 'keys', publicKeyFile: path });
  expect(validationErrors(stack)).toEqual([expect.stringContaining(`publicKeyFile ${path} is not UTF-8 text (byte 0xF4`)]);
});

test('a secret file is fingerprinted without its trailing newline: echo-written and printf-written files are the same secret', () => {
  const psk = (path: string) => {
    const { stack } = makeStack();
    const vpc = new Vpc(stack, 'net', { name: 'net', cidr: '10.0.0.0/16', cloudAccount: 'ca', realmProviderName: 'r' });
    new Vpn(vpc, 'vpn', { vpc, publicIp: '198.51.100.7', psk: Secret.fromFile(path), exposedCidrs: ['10.0.0.0/16'], vpnPlan: 'vp' });
    expect(validationErrors(stack)).toEqual([]);
    return triggersOf(resourcesOf(synthJson(stack), 'terraform_data').net_vpn, 'terraform_data').psk;
  };
  const echoed = psk(file('psk-echo', 'swordfish\n'));
  expect(echoed).toBe(psk(file('psk-printf', 'swordfish')));
  expect(echoed).toBe(secretFingerprint('swordfish', ownerLabelName('shop', 'net/vpn'), 'shop'));
  expect(psk(file('psk-two', 'swordfish\n\n'))).not.toBe(echoed);
});

test('an environment variable set but empty is reported as empty, not as unset', () => {
  withEnv({ EMPTY_PSK: '' }, () => {
    const { stack } = makeStack();
    const vpc = new Vpc(stack, 'net', { name: 'net', cidr: '10.0.0.0/16', cloudAccount: 'ca', realmProviderName: 'r' });
    new Vpn(vpc, 'vpn', { vpc, publicIp: '198.51.100.7', psk: Secret.fromEnv('EMPTY_PSK'), exposedCidrs: ['10.0.0.0/16'], vpnPlan: 'vp' });
    expect(validationErrors(stack)).toEqual([
      "[shop/net/vpn] VPN 'net/vpn': psk: secret environment variable EMPTY_PSK is set but empty at synth; give it the secret's value (synth reads it only to fingerprint it, and terraform apply needs it too)",
    ]);
  });
});

test('an SSH private key readable by others, or protected by a passphrase, is refused at synth like the mTLS key', () => {
  const key = fakeOpensshKeyWithCipher('none');
  const open = file('id_open', key.pem, 0o644);
  const locked = file('id_locked', fakeOpensshKeyWithCipher('aes256-ctr').pem);
  const { stack } = makeStack();
  new SshProfile(stack, 'a', { name: 'a', privateKey: Secret.fromFile(open) });
  new SshProfile(stack, 'b', { name: 'b', privateKey: Secret.fromFile(locked) });
  new SshProfile(stack, 'c', { name: 'c', privateKey: Secret.fromFile(file('id_ok', key.pem)) });
  const errors = validationErrors(stack);
  expect(errors).toEqual([
    `[shop/a] SSH profile 'a': privateKey: secret file ${open} holds a private key readable by every user on this machine (mode 0644); refusing to upload it — run: chmod 600 ${open}`,
    `[shop/b] SSH profile 'b': privateKey: secret file ${locked} holds a private key protected by a passphrase, which IMCO cannot use; give the unencrypted key (e.g. a copy made with ssh-keygen -p -N '' -f <copy>), kept at mode 0600`,
  ]);
  expect(errors.join('\n')).not.toContain(key.body.slice(0, 24));
});
