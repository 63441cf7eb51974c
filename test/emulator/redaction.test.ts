// Unit tests of secret redaction: every secret field of the catalog, at any depth, any spelling.
import { REDACTED, redactSecrets, SECRET_KEYS } from '../../lib/emulator/redaction';

it('knows the catalog secret fields and their input aliases', () => {
  expect([...SECRET_KEYS].sort()).toEqual(['account_data', 'private-key', 'private_key', 'psk']);
});

it('replaces secret values at any depth and leaves the rest alone', () => {
  const body = {
    name: 'ops',
    'private-key': '-----BEGIN KEY-----',
    nested: [{ psk: 'abc', keep: 1 }],
    account_data: { api_key: 'x' },
  };
  expect(redactSecrets(body)).toEqual({ name: 'ops', 'private-key': REDACTED, nested: [{ psk: REDACTED, keep: 1 }], account_data: REDACTED });
  expect(body.nested[0].psk).toBe('abc');
  expect(redactSecrets(null)).toBeNull();
  expect(redactSecrets('text')).toBe('text');
});
