// Credential loading: reads the CA bundle, client certificate and key named by the resolved
// configuration, refuses unreadable files and a key other users can read, and checks that the
// certificates parse and the key belongs to the certificate — each failure one actionable line
// naming the path and where it was configured. Key content never enters a message.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import { CONCERTO_ENV, describeSource, type CredentialReference, type ImcoResolvedConfig, type InlinePem } from './config';
import { ImcoError } from './errors';
import { keyFileExposure, passphraseProtected } from './private-key';

/** Facts about a certificate that diagnoses need (no key material). */
export interface CertificateFacts {
  readonly subject: string;
  readonly issuer: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** e.g. `DNS:localhost, IP Address:127.0.0.1`. */
  readonly subjectAltName?: string;
  /** SHA-256 fingerprint of the certificate (public). */
  readonly fingerprint256: string;
}

/** The loaded PEM material and facts about it. Hold privately: `key` is the private key. */
export interface LoadedCredentials {
  readonly caPem: string;
  readonly certPem: string;
  readonly keyPem: string;
  readonly clientCertificate: CertificateFacts;
  readonly caCertificates: readonly CertificateFacts[];
  /** SHA-256 of the three PEMs: what the caches of checked credentials and TLS contexts are keyed by. */
  readonly contentKey: string;
}

type CredentialName = 'caCert' | 'clientCert' | 'clientKey';

const TITLE: Record<CredentialName, string> = {
  caCert: 'CA certificate',
  clientCert: 'client certificate',
  clientKey: 'client key',
};

/** `/path (from CONCERTO_CLIENT_KEY)`, or `(inline PEM from option clientKey)`. */
export function describeReference(ref: CredentialReference): string {
  return ref.path ? `${ref.path} (from ${describeSource(ref.source)})` : `(inline PEM from ${describeSource(ref.source)})`;
}

function settingName(ref: CredentialReference, name: CredentialName): string {
  return ref.source.from === 'file' ? `${ref.source.attribute} in ${ref.source.file}` : ref.source.from === 'option' ? ref.source.option : CONCERTO_ENV[name];
}

function configError(message: string): ImcoError {
  return new ImcoError(message, { code: 'config' });
}

function readCredentialFile(ref: CredentialReference, name: CredentialName): string {
  const file = ref.path as string;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code ?? 'unreadable';
    throw configError(`cannot read IMCO ${TITLE[name]} ${describeReference(ref)}: ${reason}; fix the path in ${settingName(ref, name)}`);
  }
  if (!stat.isFile()) {
    throw configError(`IMCO ${TITLE[name]} ${describeReference(ref)} is not a file; fix the path in ${settingName(ref, name)}`);
  }
  if (name === 'clientKey' && keyFileExposure(stat.mode, { group: false }) !== undefined) {
    throw configError(
      `IMCO client key ${file} is readable by every user on this machine; refusing to use it — run: chmod 600 ${file}`,
    );
  }
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code ?? 'unreadable';
    throw configError(`cannot read IMCO ${TITLE[name]} ${describeReference(ref)}: ${reason}; fix the file's permissions or the path in ${settingName(ref, name)}`);
  }
}

function facts(cert: crypto.X509Certificate): CertificateFacts {
  return {
    subject: cert.subject.replace(/\n/g, ', '),
    issuer: cert.issuer.replace(/\n/g, ', '),
    notBefore: new Date(cert.validFrom),
    notAfter: new Date(cert.validTo),
    subjectAltName: cert.subjectAltName,
    fingerprint256: cert.fingerprint256,
  };
}

function pemCertificates(pem: string): string[] {
  return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
}

function parseCertificates(pem: string, ref: CredentialReference, name: CredentialName): crypto.X509Certificate[] {
  const blocks = pemCertificates(pem);
  if (blocks.length === 0) {
    throw configError(`IMCO ${TITLE[name]} ${describeReference(ref)} holds no PEM certificate (-----BEGIN CERTIFICATE-----); fix ${settingName(ref, name)}`);
  }
  return blocks.map((block) => {
    try {
      return new crypto.X509Certificate(block);
    } catch {
      throw configError(`IMCO ${TITLE[name]} ${describeReference(ref)} holds a certificate that cannot be parsed; fix ${settingName(ref, name)}`);
    }
  });
}

function parsePrivateKey(pem: string, ref: CredentialReference): crypto.KeyObject {
  if (passphraseProtected(pem)) {
    throw configError(
      `IMCO client key ${describeReference(ref)} is protected by a passphrase, which neither cio nor this client supports; use the unencrypted key of your IMCO API key (mode 0600)`,
    );
  }
  try {
    return crypto.createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw configError(`IMCO client key ${describeReference(ref)} is not a PEM private key; fix ${settingName(ref, 'clientKey')}`);
  }
}

/**
 * Loads and checks the credentials named by `config` (files) or given inline.
 * Throws `config` errors for unreadable/malformed files and a world-readable key,
 * and a `tls` error when the key does not belong to the client certificate.
 */
export function loadCredentials(config: ImcoResolvedConfig, inline: InlinePem = {}): LoadedCredentials {
  const material = (name: CredentialName): string => {
    const ref = config[name];
    const given = inline[name];
    return ref.path ? readCredentialFile(ref, name) : (given ?? '');
  };
  const caPem = material('caCert');
  const certPem = material('clientCert');
  const keyPem = material('clientKey');
  const key = contentKeyOf(caPem, certPem, keyPem);
  const known = checked.get(key);
  if (known) return known;
  const loaded = checkCredentials(config, caPem, certPem, keyPem, key);
  if (checked.size >= MAX_CHECKED) checked.delete(checked.keys().next().value as string);
  checked.set(key, loaded);
  return loaded;
}

/**
 * Credentials already parsed and checked in this process, by content (a long-lived process — the
 * bridge server — opens one client per provisioner with the same three files). Files are still
 * read, and their permissions checked, on every load.
 */
const checked = new Map<string, LoadedCredentials>();
const MAX_CHECKED = 8;

function contentKeyOf(...pems: string[]): string {
  const hash = crypto.createHash('sha256');
  for (const pem of pems) hash.update(pem).update('\0');
  return hash.digest('hex');
}

function checkCredentials(config: ImcoResolvedConfig, caPem: string, certPem: string, keyPem: string, contentKey: string): LoadedCredentials {
  const caCertificates = parseCertificates(caPem, config.caCert, 'caCert');
  const [clientCertificate] = parseCertificates(certPem, config.clientCert, 'clientCert');
  const key = parsePrivateKey(keyPem, config.clientKey);

  if (!clientCertificate.checkPrivateKey(key)) {
    throw new ImcoError(
      `IMCO client key ${describeReference(config.clientKey)} does not match client certificate ${describeReference(config.clientCert)}; ` +
        `configure the key that was issued with this certificate (both come from the same IMCO API key download)`,
      { code: 'tls' },
    );
  }
  return {
    caPem,
    certPem,
    keyPem,
    clientCertificate: facts(clientCertificate),
    caCertificates: caCertificates.map(facts),
    contentKey,
  };
}

/** Whether a certificate is outside its validity window at `now`: 'expired', 'not_yet_valid' or undefined. */
export function validityProblem(cert: CertificateFacts, now = new Date()): 'expired' | 'not_yet_valid' | undefined {
  if (now.getTime() > cert.notAfter.getTime()) return 'expired';
  if (now.getTime() < cert.notBefore.getTime()) return 'not_yet_valid';
  return undefined;
}
