// TLS failures, each against a purpose-made bad certificate and a real mutual-TLS handshake, must
// surface as one actionable line; credential files are checked before anything is sent.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import * as util from 'node:util';
import { ImcoClient, ImcoError, type ImcoClientOptions } from '../../lib/client';
import { createCertificateAuthority, issueCertificate } from '../../lib/pki/certificates';
import { LeakRecorder } from '../support/client-leak-recorder';
import {
  EXPIRED,
  NOT_YET_VALID,
  createTestPki,
  json,
  startTestServer,
  tempDir,
  writeCertificate,
  type TestPki,
  type TestServer,
  type WrittenCertificate,
} from '../support/tls-fixtures';

const recorder = new LeakRecorder();
const keysUsed: string[] = [];
let dir: string;
let pki: TestPki;
let goodServer: TestServer;
const servers: TestServer[] = [];
const clients: ImcoClient[] = [];

const FAST = { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5, deadlineMs: 5000 }, timeoutMs: 3000 };

function client(options: Partial<ImcoClientOptions> & { endpoint: string }): ImcoClient {
  const c = new ImcoClient({
    caCertPath: pki.ca.certPath,
    clientCertPath: pki.client.certPath,
    clientKeyPath: pki.client.keyPath,
    onRequest: recorder.hook,
    ...FAST,
    ...options,
  });
  clients.push(c);
  return c;
}

async function serverWith(cert: WrittenCertificate): Promise<TestServer> {
  const s = await startTestServer({ serverCert: cert, clientCaPem: pki.ca.issued.certPem, handler: (_q, res) => json(res, 200, {}) });
  servers.push(s);
  return s;
}

async function tlsFailure(c: ImcoClient): Promise<ImcoError> {
  const err = await recorder.rejection(c.ping());
  expect(err).toBeInstanceOf(ImcoError);
  return err as ImcoError;
}

function remember(cert: WrittenCertificate): WrittenCertificate {
  keysUsed.push(cert.issued.keyPem);
  return cert;
}

beforeAll(async () => {
  dir = tempDir('tls');
  pki = await createTestPki(dir);
  [pki.ca, pki.server, pki.client].forEach(remember);
  goodServer = await serverWith(pki.server);
});

afterAll(async () => {
  clients.forEach((c) => c.close());
  await Promise.all(servers.map((s) => s.close()));
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a correctly configured client completes the mutual-TLS handshake', async () => {
  const result = await client({ endpoint: goodServer.endpoint }).ping();
  expect(result).toEqual({ ok: true, status: 200 });
  expect(goodServer.requests.map((r) => `${r.method} ${r.url}`)).toContain('GET /v2/ping');
});

test('server certificate from an unknown CA: names the CA file and CONCERTO_CA_CERT, no retry', async () => {
  const foreign = remember(writeCertificate(dir, 'foreign-ca', await createCertificateAuthority('CN=Someone Else CA')));
  const before = goodServer.requests.length;
  const err = await tlsFailure(client({ endpoint: goodServer.endpoint, caCertPath: foreign.certPath }));
  expect(err.code).toBe('tls');
  expect(err.message).toContain('not signed by the configured CA');
  expect(err.message).toContain(foreign.certPath);
  expect(err.message).toContain('CONCERTO_CA_CERT');
  expect(err.attempts).toBe(1);
  expect(goodServer.requests.length).toBe(before);
});

test('NODE_TLS_REJECT_UNAUTHORIZED=0 does not switch verification off', async () => {
  const foreign = remember(writeCertificate(dir, 'foreign-ca-2', await createCertificateAuthority('CN=Other CA')));
  const saved = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  try {
    const err = await tlsFailure(client({ endpoint: goodServer.endpoint, caCertPath: foreign.certPath }));
    expect(err.code).toBe('tls');
  } finally {
    if (saved === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    else process.env.NODE_TLS_REJECT_UNAUTHORIZED = saved;
  }
});

test('expired server certificate: says the server certificate expired', async () => {
  const cert = remember(
    writeCertificate(dir, 'server-expired', await issueCertificate(pki.ca.issued, { subject: 'CN=localhost', usage: 'server', ipAddresses: ['127.0.0.1'], ...EXPIRED })),
  );
  const server = await serverWith(cert);
  const err = await tlsFailure(client({ endpoint: server.endpoint }));
  expect(err.code).toBe('tls');
  expect(err.message).toMatch(/the server certificate has expired/);
});

test('server certificate not yet valid: says so and points at the clock', async () => {
  const cert = remember(
    writeCertificate(dir, 'server-future', await issueCertificate(pki.ca.issued, { subject: 'CN=localhost', usage: 'server', ipAddresses: ['127.0.0.1'], ...NOT_YET_VALID })),
  );
  const server = await serverWith(cert);
  const err = await tlsFailure(client({ endpoint: server.endpoint }));
  expect(err.code).toBe('tls');
  expect(err.message).toMatch(/server certificate is not valid yet.*clock/);
});

test('host name mismatch: names the host and the names the certificate has', async () => {
  const cert = remember(
    writeCertificate(
      dir,
      'server-other-host',
      await issueCertificate(pki.ca.issued, { subject: 'CN=imco.other.example', usage: 'server', dnsNames: ['imco.other.example', 'api.other.example'] }),
    ),
  );
  const server = await serverWith(cert);
  const err = await tlsFailure(client({ endpoint: server.endpoint }));
  expect(err.code).toBe('tls');
  expect(err.message).toContain('127.0.0.1');
  expect(err.message).toContain('DNS:imco.other.example');
  expect(err.message).toContain('DNS:api.other.example');
  expect(err.message).toContain('CONCERTO_ENDPOINT');
});

test('client certificate from another CA: the server refuses it and the message says which certificate', async () => {
  const otherCa = await createCertificateAuthority('CN=Not The Platform CA');
  const foreignClient = remember(writeCertificate(dir, 'client-foreign', await issueCertificate(otherCa, { subject: 'CN=Stranger', usage: 'client' })));
  const before = goodServer.requests.length;
  const err = await tlsFailure(
    client({ endpoint: goodServer.endpoint, clientCertPath: foreignClient.certPath, clientKeyPath: foreignClient.keyPath }),
  );
  expect(err.code).toBe('tls');
  expect(err.message).toContain('server refused the client certificate');
  expect(err.message).toContain(foreignClient.certPath);
  expect(err.message).toContain('CN=Not The Platform CA');
  expect(goodServer.requests.length).toBe(before);
});

test('expired client certificate: says the client certificate expired and when', async () => {
  const expired = remember(
    writeCertificate(dir, 'client-expired', await issueCertificate(pki.ca.issued, { subject: 'CN=Old User', usage: 'client', ...EXPIRED })),
  );
  const err = await tlsFailure(client({ endpoint: goodServer.endpoint, clientCertPath: expired.certPath, clientKeyPath: expired.keyPath }));
  expect(err.code).toBe('tls');
  expect(err.message).toContain(`client certificate ${expired.certPath}`);
  expect(err.message).toContain(`expired on ${EXPIRED.notAfter.toISOString().slice(0, 10)}`);
});

test('client certificate not yet valid: says from when it is valid', async () => {
  const future = remember(
    writeCertificate(dir, 'client-future', await issueCertificate(pki.ca.issued, { subject: 'CN=Future User', usage: 'client', ...NOT_YET_VALID })),
  );
  const err = await tlsFailure(client({ endpoint: goodServer.endpoint, clientCertPath: future.certPath, clientKeyPath: future.keyPath }));
  expect(err.code).toBe('tls');
  expect(err.message).toContain(`client certificate ${future.certPath} (from option clientCertPath)`);
  expect(err.message).toContain(`is not valid before ${NOT_YET_VALID.notBefore.toISOString().slice(0, 10)}`);
});

test('key that does not match the certificate: refused before connecting, both paths named', async () => {
  const other = remember(writeCertificate(dir, 'client-other', await issueCertificate(pki.ca.issued, { subject: 'CN=Other', usage: 'client' })));
  const err = recorder.thrown(() => client({ endpoint: goodServer.endpoint, clientKeyPath: other.keyPath })) as ImcoError;
  expect(err.code).toBe('tls');
  expect(err.message).toContain(`client key ${other.keyPath}`);
  expect(err.message).toContain(`does not match client certificate ${pki.client.certPath}`);
});

test('world-readable key file: refused with the chmod that fixes it', () => {
  const loose = path.join(dir, 'loose.key');
  fs.copyFileSync(pki.client.keyPath, loose);
  fs.chmodSync(loose, 0o644);
  const err = recorder.thrown(() => client({ endpoint: goodServer.endpoint, clientKeyPath: loose })) as ImcoError;
  expect(err.code).toBe('config');
  expect(err.message).toContain(`chmod 600 ${loose}`);
});

test('unreadable files name the path and the variable that set it', () => {
  const missing = path.join(dir, 'nope', 'cert.crt');
  const err = recorder.thrown(() =>
    ImcoClient.fromEnvironment({
      env: {
        CONCERTO_ENDPOINT: goodServer.endpoint,
        CONCERTO_CA_CERT: pki.ca.certPath,
        CONCERTO_CLIENT_CERT: missing,
        CONCERTO_CLIENT_KEY: pki.client.keyPath,
      },
      homeDir: dir,
    }),
  ) as ImcoError;
  expect(err.code).toBe('config');
  expect(err.message).toBe(
    `cannot read IMCO client certificate ${missing} (from CONCERTO_CLIENT_CERT): no such file; fix the path in CONCERTO_CLIENT_CERT`,
  );

  const directory = recorder.thrown(() => client({ endpoint: goodServer.endpoint, caCertPath: dir })) as ImcoError;
  expect(directory.message).toContain(`IMCO CA certificate ${dir} (from option caCertPath) is not a file`);
});

test('files with the wrong content are named, without echoing their content', () => {
  const notPem = path.join(dir, 'not-a-cert.pem');
  fs.writeFileSync(notPem, 'hello\n');
  const err = recorder.thrown(() => client({ endpoint: goodServer.endpoint, caCertPath: notPem })) as ImcoError;
  expect(err.message).toContain(`IMCO CA certificate ${notPem} (from option caCertPath) holds no PEM certificate`);

  const certAsKey = path.join(dir, 'cert-as-key.pem');
  fs.writeFileSync(certAsKey, pki.client.issued.certPem, { mode: 0o600 });
  const keyErr = recorder.thrown(() => client({ endpoint: goodServer.endpoint, clientKeyPath: certAsKey })) as ImcoError;
  expect(keyErr.message).toContain(`IMCO client key ${certAsKey} (from option clientKeyPath) is not a PEM private key`);
});

test('an endpoint port that does not speak TLS is reported as such', async () => {
  const plain = net.createServer((socket) => {
    socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'));
  });
  await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
  try {
    const port = (plain.address() as net.AddressInfo).port;
    const err = await tlsFailure(client({ endpoint: `https://127.0.0.1:${port}` }));
    expect(err.code).toBe('tls');
    expect(err.message).toContain('does not speak TLS');
  } finally {
    await new Promise<void>((resolve) => plain.close(() => resolve()));
  }
});

test('PEM contents can be given inline instead of paths', async () => {
  const c = client({
    endpoint: goodServer.endpoint,
    caCertPath: undefined,
    clientCertPath: undefined,
    clientKeyPath: undefined,
    caCert: pki.ca.issued.certPem,
    clientCert: pki.client.issued.certPem,
    clientKey: pki.client.issued.keyPem,
  });
  expect(await c.ping()).toEqual({ ok: true, status: 200 });
  expect(c.config.clientKey.path).toBeUndefined();
  expect(JSON.stringify(c)).not.toContain('PRIVATE KEY');
  expect(util.inspect(c, { depth: 10, showHidden: true })).not.toContain('PRIVATE KEY');
  expect(util.inspect(c.config, { depth: 10 })).not.toContain('PRIVATE KEY');
  expect(c.describeConfig().join('\n')).toContain('(PEM given inline) — from option clientKey');
});

test('no error message or request line of this file holds key material', () => {
  expect(recorder.lines.length).toBeGreaterThan(10);
  expect(recorder.leaks(LeakRecorder.forbiddenFragments(keysUsed, []))).toEqual([]);
});
