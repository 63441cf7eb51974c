// The AutoMTLS server certificate: EC P-256, self-signed, SAN DNS:localhost, CA, server and client auth.
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { selfSignedCert } from '../../lib/provider/self-signed-cert';

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
});
