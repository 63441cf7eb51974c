// The AutoMTLS server certificate: EC P-256, self-signed, SAN DNS:localhost, CA, server and client auth.
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { derPositiveInteger, selfSignedCert } from '../../lib/provider/self-signed-cert';

describe('self-signed certificate', () => {
  const now = new Date('2026-01-02T03:04:05Z');
  const cert = selfSignedCert(now);
  const x = new X509Certificate(cert.der);

  it('is a valid self-signed certificate for localhost', () => {
    expect(x.verify(x.publicKey)).toBe(true);
    expect(x.subjectAltName).toBe('DNS:localhost');
    expect(x.checkHost('localhost')).toBe('localhost');
    expect(x.ca).toBe(true);
    expect(x.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
    expect(x.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  });

  it('is valid from 30 s before now for 30 days', () => {
    expect(new Date(x.validFrom).getTime()).toBe(now.getTime() - 30_000);
    expect(new Date(x.validTo).getTime()).toBe(now.getTime() + 30 * 86_400_000);
  });

  it('comes with its key and PEM form, fresh each time', () => {
    expect(x.checkPrivateKey(createPrivateKey(cert.keyPem))).toBe(true);
    expect(new X509Certificate(cert.certPem).fingerprint256).toBe(x.fingerprint256);
    expect(selfSignedCert(now).der.equals(cert.der)).toBe(false);
  });

  it('writes serial numbers as minimal DER integers (OpenSSL refuses a needless leading zero)', () => {
    expect([...derPositiveInteger(Uint8Array.of(0x00, 0x05))]).toEqual([0x02, 0x01, 0x05]);
    expect([...derPositiveInteger(Uint8Array.of(0x00, 0x00, 0x85))]).toEqual([0x02, 0x02, 0x00, 0x85]);
    expect([...derPositiveInteger(Uint8Array.of(0x80, 0x01))]).toEqual([0x02, 0x03, 0x00, 0x80, 0x01]);
    expect([...derPositiveInteger(Uint8Array.of(0x00))]).toEqual([0x02, 0x01, 0x00]);
  });

  it('makes certificates OpenSSL loads, every time (300 fresh ones)', () => {
    for (let i = 0; i < 300; i++) {
      const c = selfSignedCert();
      expect(() => createSecureContext({ cert: c.certPem, key: c.keyPem, ca: [c.certPem] })).not.toThrow();
    }
  });
});
