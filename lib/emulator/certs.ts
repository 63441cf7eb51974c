// Certificates in `DIR/certs/`: ca.crt/ca.key, server.crt/server.key (SANs 127.0.0.1 and
// localhost), client.crt/client.key (the user's API certificate: no OU=Hosts, CA not O=Tapp, so
// the cio CLI stays in user mode). Existing pairs are loaded as they are (tests pre-place expired
// or foreign certificates); missing pairs are generated with the CA. Keys are written mode 0600.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { createPrivateKey, webcrypto } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { createCertificateAuthority, issueCertificate, type IssuedCertificate } from '../pki/certificates';

export const CA_SUBJECT = 'CN=IMCO Emulator CA, O=imco-cdktf';
export const SERVER_SUBJECT = 'CN=localhost, O=imco-cdktf';
export const CLIENT_SUBJECT = 'CN=imco-emulator-user, O=imco-cdktf';

export interface CertificatePaths {
  readonly dir: string;
  readonly caCert: string;
  readonly caKey: string;
  readonly serverCert: string;
  readonly serverKey: string;
  readonly clientCert: string;
  readonly clientKey: string;
}

export interface ServerCredentials {
  readonly paths: CertificatePaths;
  /** PEM of the CA trusted for client certificates. */
  readonly caPem: string;
  readonly serverCertPem: string;
  readonly serverKeyPem: string;
}

export function certificatePaths(stateDir: string): CertificatePaths {
  const dir = join(stateDir, 'certs');
  return {
    dir,
    caCert: join(dir, 'ca.crt'),
    caKey: join(dir, 'ca.key'),
    serverCert: join(dir, 'server.crt'),
    serverKey: join(dir, 'server.key'),
    clientCert: join(dir, 'client.crt'),
    clientKey: join(dir, 'client.key'),
  };
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await fs.readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

async function writePair(certPath: string, keyPath: string, issued: IssuedCertificate): Promise<void> {
  await fs.writeFile(certPath, issued.certPem, { mode: 0o644 });
  await fs.writeFile(keyPath, issued.keyPem, { mode: 0o600 });
  await fs.chmod(keyPath, 0o600);
}

/** Turns a CA certificate and key from files into something that can sign. */
async function importAuthority(certPem: string, keyPem: string, keyPath: string): Promise<IssuedCertificate> {
  const cert = new x509.X509Certificate(certPem);
  let privateKey: webcrypto.CryptoKey;
  try {
    const der = createPrivateKey(keyPem).export({ type: 'pkcs8', format: 'der' });
    privateKey = await webcrypto.subtle.importKey('pkcs8', der, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
  } catch {
    throw new Error(`${keyPath} is not an EC P-256 private key the emulator can sign with; replace it or remove the certs directory to generate a new CA`);
  }
  const publicKey = await cert.publicKey.export({ name: 'ECDSA', namedCurve: 'P-256' }, ['verify']);
  return { certPem, keyPem, keys: { privateKey, publicKey }, subject: cert.subject };
}

/** Loads or creates the emulator's certificates; returns what the TLS server needs. */
export async function ensureCertificates(stateDir: string, extraHosts: readonly string[] = []): Promise<ServerCredentials> {
  const paths = certificatePaths(stateDir);
  await fs.mkdir(paths.dir, { recursive: true, mode: 0o700 });
  const read = async (p: string) => readIfExists(p);
  let caCert = await read(paths.caCert);
  const caKey = await read(paths.caKey);
  let authority: IssuedCertificate | undefined;
  const needAuthority = async (what: string): Promise<IssuedCertificate> => {
    if (authority) return authority;
    if (caCert !== undefined && caKey === undefined) {
      throw new Error(`cannot issue the ${what} certificate: ${paths.caKey} is missing; put the CA key there, or remove ${paths.caCert} to generate a new CA`);
    }
    authority = caCert !== undefined ? await importAuthority(caCert, caKey!, paths.caKey) : undefined;
    return authority!;
  };
  if (caCert === undefined) {
    if (caKey !== undefined) throw new Error(`${paths.caKey} exists without ${paths.caCert}; add the CA certificate or remove the key`);
    authority = await createCertificateAuthority(CA_SUBJECT);
    await writePair(paths.caCert, paths.caKey, authority);
    caCert = authority.certPem;
  }

  const ipHosts = ['127.0.0.1', ...extraHosts.filter((h) => /^[\d.]+$/.test(h) && h !== '127.0.0.1' && h !== '0.0.0.0')];
  const dnsHosts = ['localhost', ...extraHosts.filter((h) => !/^[\d.:]+$/.test(h) && h !== 'localhost')];
  const pairs = [
    { what: 'server', cert: paths.serverCert, key: paths.serverKey, usage: 'server' as const, subject: SERVER_SUBJECT },
    { what: 'client', cert: paths.clientCert, key: paths.clientKey, usage: 'client' as const, subject: CLIENT_SUBJECT },
  ];
  const loaded: Record<string, { cert: string; key: string }> = {};
  for (const pair of pairs) {
    const cert = await read(pair.cert);
    const key = await read(pair.key);
    if ((cert === undefined) !== (key === undefined)) {
      throw new Error(`${cert === undefined ? pair.cert : pair.key} is missing while its partner exists; provide both files or remove both to generate them`);
    }
    if (cert !== undefined && key !== undefined) {
      loaded[pair.what] = { cert, key };
      continue;
    }
    const issued = await issueCertificate(await needAuthority(pair.what), {
      subject: pair.subject,
      usage: pair.usage,
      ...(pair.usage === 'server' ? { dnsNames: dnsHosts, ipAddresses: ipHosts } : {}),
    });
    await writePair(pair.cert, pair.key, issued);
    loaded[pair.what] = { cert: issued.certPem, key: issued.keyPem };
  }
  return { paths, caPem: caCert, serverCertPem: loaded.server.cert, serverKeyPem: loaded.server.key };
}
