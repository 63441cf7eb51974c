// TLS diagnosis of errors other servers produce (alerts a real IMCO front end may send), checked
// on synthetic Node/OpenSSL errors: each maps to one actionable line naming the right file.
import type { ImcoResolvedConfig } from '../../lib/client';
import { clientCertificateRefused, diagnoseTlsFailure, tlsAlertName, type TlsDiagnosisContext } from '../../lib/client/tls-diagnosis';

const DAY = 24 * 3600 * 1000;
const now = new Date('2030-06-01T00:00:00Z');
const config: ImcoResolvedConfig = {
  endpoint: 'https://clients.example.com:886/v2',
  endpointSource: { from: 'env', variable: 'CONCERTO_ENDPOINT' },
  caCert: { path: '/k/ca_cert.pem', source: { from: 'env', variable: 'CONCERTO_CA_CERT' } },
  clientCert: { path: '/k/cert.crt', source: { from: 'env', variable: 'CONCERTO_CLIENT_CERT' } },
  clientKey: { path: '/k/private/cert.key', source: { from: 'env', variable: 'CONCERTO_CLIENT_KEY' } },
  warnings: [],
};

function ctx(notBefore: Date, notAfter: Date): TlsDiagnosisContext {
  return {
    method: 'GET',
    path: '/cloud/servers',
    host: 'clients.example.com:886',
    config,
    clientCertificate: { subject: 'CN=me', issuer: 'CN=IMCO CA', notBefore, notAfter, fingerprint256: 'AB:CD' },
    handshakeCompleted: false,
    now,
  };
}

const valid = ctx(new Date(now.getTime() - DAY), new Date(now.getTime() + DAY));
const expired = ctx(new Date(now.getTime() - 30 * DAY), new Date(now.getTime() - DAY));
const prefix = 'IMCO GET /cloud/servers: TLS handshake with clients.example.com:886 failed:';

test('alert names come from the error code or the OpenSSL message', () => {
  expect(tlsAlertName('ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED', '')).toBe('CERTIFICATE_EXPIRED');
  expect(tlsAlertName('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', '')).toBe('CERTIFICATE_REQUIRED');
  expect(tlsAlertName('EPROTO', 'error:0A000418:SSL routines::tlsv1 alert unknown ca')).toBe('UNKNOWN_CA');
  expect(tlsAlertName('ECONNRESET', 'socket hang up')).toBeUndefined();
});

test('a server alert refusing the client certificate names the certificate and its issuer', () => {
  const err = diagnoseTlsFailure({ code: 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA' }, valid)!;
  expect(err.code).toBe('tls');
  expect(err.message).toBe(
    `${prefix} the server refused the client certificate /k/cert.crt (from CONCERTO_CLIENT_CERT) (issued by CN=IMCO CA; alert unknown_ca): it was not issued by this IMCO platform — use the certificate and key of an API key downloaded from this platform (CONCERTO_CLIENT_CERT, CONCERTO_CLIENT_KEY)`,
  );
  expect(diagnoseTlsFailure({ code: 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED' }, valid)!.message).toContain('alert certificate_required');
});

test('a certificate-expired alert: our own expired certificate is named with its date', () => {
  expect(diagnoseTlsFailure({ code: 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED' }, expired)!.message).toBe(
    `${prefix} the client certificate /k/cert.crt (from CONCERTO_CLIENT_CERT) expired on 2030-05-31T00:00:00Z; download a new API key from the IMCO web UI and point CONCERTO_CLIENT_CERT and CONCERTO_CLIENT_KEY at it`,
  );
  // Valid here but expired for the server: a clock problem on one side.
  expect(diagnoseTlsFailure({ code: 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED' }, valid)!.message).toContain('the server says the client certificate');
});

test('protocol refusals and plain-HTTP ports', () => {
  expect(diagnoseTlsFailure({ code: 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION' }, valid)!.message).toContain('TLS 1.2 or newer');
  expect(diagnoseTlsFailure({ code: 'ERR_SSL_WRONG_VERSION_NUMBER' }, valid)!.message).toContain('does not speak TLS on this port');
});

test('a reset during the handshake with an expired client certificate is diagnosed; otherwise it is a network error', () => {
  expect(diagnoseTlsFailure({ code: 'ECONNRESET' }, expired)!.message).toContain('expired on 2030-05-31');
  expect(diagnoseTlsFailure({ code: 'ECONNRESET' }, valid)).toBeUndefined();
  expect(diagnoseTlsFailure({ code: 'ECONNREFUSED' }, expired)).toBeUndefined();
});

test('a refusal confirmed by a probe', () => {
  expect(clientCertificateRefused(valid).message).toContain('the server refused the client certificate /k/cert.crt');
  expect(clientCertificateRefused(expired).message).toContain('expired on');
});
