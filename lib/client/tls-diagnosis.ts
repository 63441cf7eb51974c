// TLS failure diagnosis: turns Node/OpenSSL handshake errors (ours and the alerts IMCO sends back)
// into ONE actionable line each — server certificate from an unknown CA, expired or not yet valid
// (server or client), host name mismatch, client certificate refused, protocol mismatch — naming
// the files and settings to check.
import { CONCERTO_ENV, type ImcoResolvedConfig } from './config';
import { describeReference, validityProblem, type CertificateFacts } from './credentials';
import { ImcoError } from './errors';

export interface TlsDiagnosisContext {
  readonly method: string;
  readonly path: string;
  /** `host:port` the request went to. */
  readonly host: string;
  readonly config: ImcoResolvedConfig;
  readonly clientCertificate: CertificateFacts;
  /** Whether the handshake had completed when the error happened. */
  readonly handshakeCompleted: boolean;
  readonly now?: Date;
}

/** Errors raised by our own verification of the server certificate. */
const UNKNOWN_SERVER_CA = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'INVALID_CA',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'CERT_REJECTED',
]);

/** Alerts with which a server refuses the client certificate. */
const CLIENT_CERT_REFUSED_ALERTS = new Set([
  'UNKNOWN_CA',
  'BAD_CERTIFICATE',
  'CERTIFICATE_UNKNOWN',
  'CERTIFICATE_REQUIRED',
  'UNSUPPORTED_CERTIFICATE',
  'CERTIFICATE_REVOKED',
  'ACCESS_DENIED',
  'HANDSHAKE_FAILURE',
  'DECRYPT_ERROR',
]);

const PROTOCOL_ALERTS = new Set(['PROTOCOL_VERSION', 'INSUFFICIENT_SECURITY']);

function day(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The TLS alert name in an OpenSSL error (`ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED` → `CERTIFICATE_EXPIRED`). */
export function tlsAlertName(code: string | undefined, message: string | undefined): string | undefined {
  const fromCode = code && /ALERT_([A-Z_]+)$/.exec(code)?.[1];
  if (fromCode) return fromCode;
  const fromMessage = message && /alert (?:number \d+|([a-z ]+))/i.exec(message)?.[1];
  return fromMessage ? fromMessage.trim().toUpperCase().replace(/ /g, '_') : undefined;
}

function clientCertificateValidityLine(ctx: TlsDiagnosisContext): string | undefined {
  const problem = validityProblem(ctx.clientCertificate, ctx.now);
  const cert = describeReference(ctx.config.clientCert);
  if (problem === 'expired') {
    return `the client certificate ${cert} expired on ${day(ctx.clientCertificate.notAfter)}; download a new API key from the IMCO web UI and point ${CONCERTO_ENV.clientCert} and ${CONCERTO_ENV.clientKey} at it`;
  }
  if (problem === 'not_yet_valid') {
    return `the client certificate ${cert} is not valid before ${day(ctx.clientCertificate.notBefore)}; check this machine's clock or wait until then`;
  }
  return undefined;
}

/**
 * The server closed the connection right after the handshake, before any HTTP answer, and a probe
 * connection confirmed it does so for our certificate: it refused the client certificate (TLS 1.3
 * servers check it after the client considers the handshake complete, and many send no alert).
 */
export function clientCertificateRefused(ctx: TlsDiagnosisContext): ImcoError {
  const prefix = `IMCO ${ctx.method} ${ctx.path}: TLS handshake with ${ctx.host} failed:`;
  const text =
    clientCertificateValidityLine(ctx) ??
    `the server refused the client certificate ${describeReference(ctx.config.clientCert)} (issued by ${ctx.clientCertificate.issuer}) and closed the connection: it was not issued by this IMCO platform, or was revoked — use the certificate and key of an API key downloaded from this platform (${CONCERTO_ENV.clientCert}, ${CONCERTO_ENV.clientKey})`;
  return new ImcoError(`${prefix} ${text}`, { code: 'tls', method: ctx.method, path: ctx.path });
}

/**
 * Diagnoses a failed connection. Returns a `tls` ImcoError with one actionable line, or undefined
 * when the error is not a TLS/certificate problem (plain network failures).
 */
export function diagnoseTlsFailure(
  err: { code?: string; message?: string; host?: string; reason?: string; cert?: { subjectaltname?: string; subject?: { CN?: string } } },
  ctx: TlsDiagnosisContext,
): ImcoError | undefined {
  const code = err.code ?? '';
  const now = ctx.now ?? new Date();
  const prefix = `IMCO ${ctx.method} ${ctx.path}: TLS handshake with ${ctx.host} failed:`;
  const ca = describeReference(ctx.config.caCert);
  const tls = (text: string): ImcoError => new ImcoError(`${prefix} ${text}`, { code: 'tls', method: ctx.method, path: ctx.path });

  if (UNKNOWN_SERVER_CA.has(code)) {
    return tls(
      `the server certificate is not signed by the configured CA ${ca}; check ${CONCERTO_ENV.caCert} / server_ca in client.xml — it must be the CA of this IMCO platform (ca_cert.pem of your API key)`,
    );
  }
  if (code === 'CERT_HAS_EXPIRED') {
    return tls(`the server certificate has expired (this machine's time is ${day(now)}); the IMCO platform must renew it, or fix this machine's clock`);
  }
  if (code === 'CERT_NOT_YET_VALID') {
    return tls(`the server certificate is not valid yet (this machine's time is ${day(now)}); check this machine's clock`);
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const names =
      err.cert?.subjectaltname ??
      (err.reason ? /(?:altnames|list): (.*)$/.exec(err.reason)?.[1] : undefined) ??
      (err.cert?.subject?.CN ? `CN=${err.cert.subject.CN}` : 'no names');
    const host = err.host ?? ctx.host;
    return tls(
      `the server certificate is for ${names || 'no names'}, not for host ${host}; set ${CONCERTO_ENV.endpoint} to a host name the certificate names`,
    );
  }
  if (code === 'ERR_OSSL_X509_KEY_VALUES_MISMATCH' || /key values mismatch/i.test(err.message ?? '')) {
    return tls(
      `the client key ${describeReference(ctx.config.clientKey)} does not match the client certificate ${describeReference(ctx.config.clientCert)}; configure the key issued with that certificate`,
    );
  }
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number/i.test(err.message ?? '')) {
    return tls(`the server does not speak TLS on this port (plain HTTP?); check the port in ${CONCERTO_ENV.endpoint}`);
  }
  if (code === 'ERR_SSL_UNSUPPORTED_PROTOCOL' || code === 'ERR_SSL_NO_PROTOCOLS_AVAILABLE') {
    return tls('the server offers no TLS version this client accepts (TLS 1.2 or newer is required)');
  }

  const alert = tlsAlertName(code, err.message);
  if (alert) {
    if (PROTOCOL_ALERTS.has(alert)) {
      return tls('the server refused the TLS version or ciphers (this client requires TLS 1.2 or newer)');
    }
    const validity = clientCertificateValidityLine(ctx);
    if (alert === 'CERTIFICATE_EXPIRED') {
      return tls(
        validity ??
          `the server says the client certificate ${describeReference(ctx.config.clientCert)} has expired (valid until ${day(ctx.clientCertificate.notAfter)}); check the clocks, or download a new API key`,
      );
    }
    if (CLIENT_CERT_REFUSED_ALERTS.has(alert)) {
      return tls(
        validity ??
          `the server refused the client certificate ${describeReference(ctx.config.clientCert)} (issued by ${ctx.clientCertificate.issuer}; alert ${alert.toLowerCase()}): it was not issued by this IMCO platform — use the certificate and key of an API key downloaded from this platform (${CONCERTO_ENV.clientCert}, ${CONCERTO_ENV.clientKey})`,
      );
    }
    return tls(`the server sent TLS alert ${alert.toLowerCase()}`);
  }

  // A server that refuses a client certificate may simply drop the connection mid-handshake.
  if (!ctx.handshakeCompleted && (code === 'ECONNRESET' || code === 'EPIPE')) {
    const validity = clientCertificateValidityLine(ctx);
    if (validity) return tls(validity);
  }
  return undefined;
}
