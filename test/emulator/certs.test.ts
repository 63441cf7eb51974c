// Certificates: generated on first start (EC P-256, keys 0600, SANs, user-mode client cert), and
// loaded as they are when already present (pre-placed CA or pre-placed purpose-made pairs).
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { promises as fs, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { certificatePaths, ensureCertificates } from '../../lib/emulator/certs';
import { createCertificateAuthority, issueCertificate } from '../../lib/pki/certificates';

async function freshDir(): Promise<string> {
  return fs.mkdtemp(join(tmpdir(), 'imco-emulator-certs-'));
}

const readCert = async (path: string) => new x509.X509Certificate(await fs.readFile(path, 'utf8'));

it('generates a CA, a server certificate for 127.0.0.1/localhost and a user-mode client certificate', async () => {
  const dir = await freshDir();
  const credentials = await ensureCertificates(dir);
  const paths = certificatePaths(dir);
  for (const key of [paths.caKey, paths.serverKey, paths.clientKey]) expect(statSync(key).mode & 0o777).toBe(0o600);

  const ca = await readCert(paths.caCert);
  const server = await readCert(paths.serverCert);
  const client = await readCert(paths.clientCert);
  expect(credentials.caPem).toBe(await fs.readFile(paths.caCert, 'utf8'));
  expect(await server.verify({ publicKey: ca.publicKey, signatureOnly: true })).toBe(true);
  expect(await client.verify({ publicKey: ca.publicKey, signatureOnly: true })).toBe(true);
  expect((server.publicKey.algorithm as { namedCurve?: string }).namedCurve).toBe('P-256');

  const san = server.getExtension(x509.SubjectAlternativeNameExtension)!;
  const names = san.names.toJSON().map((n) => `${n.type}:${n.value}`);
  expect(names).toEqual(expect.arrayContaining(['dns:localhost', 'ip:127.0.0.1']));

  // The cio CLI switches to agent mode for OU=Hosts subjects or O=Tapp issuers.
  expect(client.subjectName.getField('OU')).toEqual([]);
  expect(client.issuerName.getField('O')).not.toContain('Tapp');
  expect(client.subject).not.toMatch(/OU=Hosts/);
});

it('loads existing certificate pairs instead of generating them', async () => {
  const dir = await freshDir();
  const paths = certificatePaths(dir);
  await fs.mkdir(paths.dir, { recursive: true });
  const ca = await createCertificateAuthority('CN=Pre-placed CA, O=tests');
  const expired = await issueCertificate(ca, {
    subject: 'CN=expired',
    usage: 'server',
    ipAddresses: ['127.0.0.1'],
    notBefore: new Date(Date.now() - 10 * 86400_000),
    notAfter: new Date(Date.now() - 86400_000),
  });
  await fs.writeFile(paths.caCert, ca.certPem);
  await fs.writeFile(paths.caKey, ca.keyPem, { mode: 0o600 });
  await fs.writeFile(paths.serverCert, expired.certPem);
  await fs.writeFile(paths.serverKey, expired.keyPem, { mode: 0o600 });

  const credentials = await ensureCertificates(dir);
  expect(credentials.serverCertPem).toBe(expired.certPem);
  expect(credentials.caPem).toBe(ca.certPem);
  const client = await readCert(paths.clientCert);
  expect(client.issuer).toBe(new x509.X509Certificate(ca.certPem).subject);
  expect(await client.verify({ publicKey: new x509.X509Certificate(ca.certPem).publicKey, signatureOnly: true })).toBe(true);

  const again = await ensureCertificates(dir);
  expect(await fs.readFile(paths.clientCert, 'utf8')).toBe(client.toString('pem') + '\n');
  expect(again.serverCertPem).toBe(expired.certPem);
});

it('explains a half-present pair or a CA without its key', async () => {
  const dir = await freshDir();
  const paths = certificatePaths(dir);
  await ensureCertificates(dir);
  await fs.rm(paths.serverKey);
  await expect(ensureCertificates(dir)).rejects.toThrow(/server\.key is missing while its partner exists/);
  await fs.rm(paths.serverCert);
  await fs.rm(paths.caKey);
  await expect(ensureCertificates(dir)).rejects.toThrow(/ca\.key is missing; put the CA key there/);
});
