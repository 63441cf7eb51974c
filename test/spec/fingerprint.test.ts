import * as crypto from 'node:crypto';

// Count slow derivations: wrap the real scryptSync in a mock.
jest.mock('node:crypto', () => {
  const actual = jest.requireActual('node:crypto');
  return { ...actual, scryptSync: jest.fn(actual.scryptSync) };
});
import { secretFingerprint } from '../../lib/spec/fingerprint';

describe('secretFingerprint', () => {
  it('is stable for the same secret, owner and stack', () => {
    expect(secretFingerprint('s3cret', 'shop.vpn', 'shop')).toBe(secretFingerprint('s3cret', 'shop.vpn', 'shop'));
    expect(secretFingerprint('s3cret', 'shop.vpn', 'shop')).toMatch(/^scrypt-hmac:[0-9a-f]{32}$/);
  });

  it('differs per owner, per stack and per secret, and never contains the secret', () => {
    const base = secretFingerprint('s3cret', 'shop.vpn', 'shop');
    expect(secretFingerprint('s3cret', 'shop.other', 'shop')).not.toBe(base);
    expect(secretFingerprint('s3cret', 'shop.vpn', 'prod')).not.toBe(base);
    expect(secretFingerprint('s3cret2', 'shop.vpn', 'shop')).not.toBe(base);
    expect(base).not.toContain('s3cret');
  });

  it('derives the slow key once per secret and stack, however many objects share the secret', () => {
    const scrypt = crypto.scryptSync as unknown as jest.Mock;
    scrypt.mockClear();
    for (let i = 0; i < 20; i++) secretFingerprint('shared-secret', `shop.obj${i}`, 'shop');
    secretFingerprint('shared-secret', 'prod.obj0', 'prod');
    expect(scrypt).toHaveBeenCalledTimes(2);
  });
});
