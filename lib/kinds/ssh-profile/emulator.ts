// SSH profiles: the public key, when given, must be an OpenSSH public key line; the private key
// (write-only, accepted as `private_key` or `private-key`) must be a PEM/OpenSSH private key and is
// never returned; a profile used by servers or server arrays cannot be deleted. Messages never
// quote key material.
import type { KindBehaviour } from '../../emulator/behaviour';
import type { ErrorCollector } from '../../emulator/http-errors';

const PUBLIC_KEY = /^(ssh-(rsa|dss|ed25519)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) [A-Za-z0-9+/]+={0,3}( .*)?$/;
const PRIVATE_KEY = /^-----BEGIN ([A-Z0-9 ]+ )?PRIVATE KEY-----[\s\S]+-----END ([A-Z0-9 ]+ )?PRIVATE KEY-----\s*$/;

function checkKeys(fields: Readonly<Record<string, unknown>>, errors: ErrorCollector): void {
  const publicKey = fields.public_key;
  if (typeof publicKey === 'string' && publicKey.trim() !== '' && !PUBLIC_KEY.test(publicKey.trim())) {
    errors.add('public_key', 'is not an OpenSSH public key; send one line such as "ssh-ed25519 AAAA… comment"');
  }
  const privateKey = fields.private_key;
  if (typeof privateKey === 'string' && privateKey !== '' && !PRIVATE_KEY.test(privateKey.trim())) {
    errors.add('private_key', 'is not a PEM or OpenSSH private key; send the whole key including its BEGIN/END lines');
  }
}

export const sshProfiles: KindBehaviour = {
  kind: 'ssh_profile',
  validateCreate(_ctx, input, errors) {
    checkKeys(input.fields, errors);
  },
  initialise(_ctx, obj) {
    obj.public_key = typeof obj.public_key === 'string' ? obj.public_key.trim() : '';
  },
  validateUpdate(_ctx, _obj, fields, errors) {
    checkKeys(fields, errors);
    return typeof fields.public_key === 'string' ? { public_key: fields.public_key.trim() } : undefined;
  },
  checkDelete(ctx, obj, errors) {
    const users = [
      ...ctx.store.list('server').filter((s) => s.ssh_profile_id === obj.id).map((s) => `server ${s.id}`),
      ...ctx.store.list('server_array').filter((a) => a.ssh_profile_id === obj.id).map((a) => `server array ${a.id}`),
    ];
    if (users.length > 0) errors.add('base', `SSH profile is in use by ${users.join(', ')}; decommission them first`);
  },
};
