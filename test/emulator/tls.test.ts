// Mutual TLS over real sockets: a client without a certificate or with one from another CA fails
// before any request is processed; the right certificate gets answers; the server certificate
// verifies for 127.0.0.1 and localhost; HTTP/1.1 only; TLS below 1.2 is refused.
import { readFileSync, promises as fs } from 'node:fs';
import { Agent, request } from 'node:https';
import { connect } from 'node:tls';
import { createCertificateAuthority, issueCertificate } from '../../lib/pki/certificates';
import { rawRequest, startTestEmulator, type TestEmulator } from '../support/emulator';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.dispose());

const pingUrl = () => `${emu.endpoint}/ping`;

it('answers /ping to the emulator client certificate', async () => {
  const res = await emu.request('GET', '/ping');
  expect(res.status).toBe(200);
  expect(res.json).toEqual({});
});

it('fails the TLS exchange for a client without a certificate', async () => {
  const agent = new Agent({ ca: readFileSync(emu.caCert) });
  await expect(rawRequest(agent, 'GET', pingUrl())).rejects.toThrow(/certificate|socket hang up|ECONNRESET|alert/i);
  agent.destroy();
});

it('fails the TLS exchange for a client certificate from another CA', async () => {
  const foreignCa = await createCertificateAuthority('CN=Foreign CA, O=elsewhere');
  const foreign = await issueCertificate(foreignCa, { subject: 'CN=intruder', usage: 'client' });
  const agent = new Agent({ ca: readFileSync(emu.caCert), cert: foreign.certPem, key: foreign.keyPem });
  await expect(rawRequest(agent, 'GET', pingUrl())).rejects.toThrow(/certificate|socket hang up|ECONNRESET|alert/i);
  agent.destroy();
});

it('never processes or journals requests from rejected clients', async () => {
  await emu.flush();
  const before = (await fs.readFile(emu.journalPath, 'utf8')).split('\n').filter(Boolean).length;
  const agent = new Agent({ ca: readFileSync(emu.caCert) });
  await expect(rawRequest(agent, 'POST', `${emu.endpoint}/labels`, { body: { name: 'sneaky' } })).rejects.toThrow();
  agent.destroy();
  await emu.flush();
  const after = (await fs.readFile(emu.journalPath, 'utf8')).split('\n').filter(Boolean).length;
  expect(after).toBe(before);
  const labels = (await emu.request('GET', '/labels')).json as { name: string }[];
  expect(labels.map((l) => l.name)).not.toContain('sneaky');
});

it('presents a server certificate valid for localhost and 127.0.0.1, over HTTP/1.1', async () => {
  const ca = readFileSync(emu.caCert);
  const socket = connect({
    host: '127.0.0.1',
    port: emu.port,
    servername: 'localhost',
    ca,
    cert: readFileSync(emu.clientCert),
    key: readFileSync(emu.clientKey),
    ALPNProtocols: ['h2', 'http/1.1'],
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('secureConnect', resolve);
    socket.once('error', reject);
  });
  expect(socket.authorized).toBe(true);
  expect(socket.alpnProtocol).toBe('http/1.1');
  expect(['TLSv1.2', 'TLSv1.3']).toContain(socket.getProtocol());
  socket.destroy();

  const status = await new Promise<number>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', servername: 'localhost', port: emu.port, path: '/v2/ping', ca, cert: readFileSync(emu.clientCert), key: readFileSync(emu.clientKey) },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
  expect(status).toBe(200);
});

it('refuses TLS versions below 1.2', async () => {
  const socket = connect({
    host: '127.0.0.1',
    port: emu.port,
    ca: readFileSync(emu.caCert),
    cert: readFileSync(emu.clientCert),
    key: readFileSync(emu.clientKey),
    maxVersion: 'TLSv1.1',
    minVersion: 'TLSv1',
  });
  await expect(
    new Promise<void>((resolve, reject) => {
      socket.once('secureConnect', resolve);
      socket.once('error', reject);
    }),
  ).rejects.toThrow();
  socket.destroy();
});
