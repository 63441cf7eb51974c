// Test fixtures for the API client's TLS tests: a throw-away PKI written to a temp directory (keys
// mode 0600, never committed) and a tiny mutual-TLS https server whose behaviour a test scripts.
import * as fs from 'node:fs';
import * as https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createCertificateAuthority, issueCertificate, type IssuedCertificate } from '../../lib/pki/certificates';

const DAY_MS = 24 * 60 * 60 * 1000;

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `imco-client-${prefix}-`));
}

export interface WrittenCertificate {
  readonly issued: IssuedCertificate;
  readonly certPath: string;
  readonly keyPath: string;
}

/** Writes a certificate (0644) and its key (0600) as `<name>.crt` / `<name>.key`. */
export function writeCertificate(dir: string, name: string, issued: IssuedCertificate): WrittenCertificate {
  const certPath = path.join(dir, `${name}.crt`);
  const keyPath = path.join(dir, `${name}.key`);
  fs.writeFileSync(certPath, issued.certPem, { mode: 0o644 });
  fs.writeFileSync(keyPath, issued.keyPem, { mode: 0o600 });
  fs.chmodSync(keyPath, 0o600);
  return { issued, certPath, keyPath };
}

/** A CA with a server certificate for 127.0.0.1/localhost and a client certificate. */
export interface TestPki {
  readonly dir: string;
  readonly ca: WrittenCertificate;
  readonly server: WrittenCertificate;
  readonly client: WrittenCertificate;
}

export async function createTestPki(dir: string): Promise<TestPki> {
  const caIssued = await createCertificateAuthority('CN=Test IMCO CA, O=imco-cdktf tests');
  const ca = writeCertificate(dir, 'ca', caIssued);
  const server = writeCertificate(
    dir,
    'server',
    await issueCertificate(caIssued, { subject: 'CN=localhost', usage: 'server', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] }),
  );
  const client = writeCertificate(dir, 'client', await issueCertificate(caIssued, { subject: 'CN=Test User, O=Customers', usage: 'client' }));
  return { dir, ca, server, client };
}

/** Validity windows for purpose-made bad certificates. */
export const EXPIRED = { notBefore: new Date(Date.now() - 30 * DAY_MS), notAfter: new Date(Date.now() - DAY_MS) };
export const NOT_YET_VALID = { notBefore: new Date(Date.now() + 10 * DAY_MS), notAfter: new Date(Date.now() + 40 * DAY_MS) };

export interface TestServer {
  readonly port: number;
  /** `https://127.0.0.1:PORT/v2` */
  readonly endpoint: string;
  /** Requests seen (method, url, headers, body). */
  readonly requests: { method: string; url: string; headers: IncomingMessage['headers']; body: Buffer }[];
  close(): Promise<void>;
}

export type TestHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer, index: number) => void;

/** Starts an https server requiring a client certificate signed by `clientCa`. */
export async function startTestServer(options: {
  readonly serverCert: WrittenCertificate;
  readonly clientCaPem: string;
  readonly handler: TestHandler;
}): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const server = https.createServer(
    {
      cert: options.serverCert.issued.certPem,
      key: options.serverCert.issued.keyPem,
      ca: options.clientCaPem,
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
    },
    (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        options.handler(req, res, body, requests.length - 1);
      });
    },
  );
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    endpoint: `https://127.0.0.1:${port}/v2`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A fresh PKI in a temp dir and a mutual-TLS server with its server certificate, trusting its CA. */
export async function startPkiServer(prefix: string, handler: TestHandler): Promise<{ dir: string; pki: TestPki; server: TestServer }> {
  const dir = tempDir(prefix);
  const pki = await createTestPki(dir);
  const server = await startTestServer({ serverCert: pki.server, clientCaPem: pki.ca.issued.certPem, handler });
  return { dir, pki, server };
}

/** Answers JSON. */
export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
