// A state-changing action (shutdown, boot, detach, compile, empty) is an idempotent PUT or DELETE:
// when its answer is lost after IMCO acted, the client repeats it and IMCO refuses the repeat with
// 422 (the object is already in the new state). The handlers' API treats that as done — the
// caller's wait for the target state confirms it — instead of failing the apply on a dropped
// connection. A POST, or a 422 without a lost answer, still fails.
import * as fs from 'node:fs';
import { ImcoClient } from '../../lib/client';
import { apiOf } from '../../lib/handlers/client-api';
import { createTestPki, json, startTestServer, tempDir, type TestHandler, type TestPki, type TestServer } from '../support/tls-fixtures';

let dir: string;
let pki: TestPki;
let server: TestServer;
let handler: TestHandler = (_q, res) => json(res, 200, []);
let client: ImcoClient;

beforeAll(async () => {
  dir = tempDir('lost-answer');
  pki = await createTestPki(dir);
  server = await startTestServer({ serverCert: pki.server, clientCaPem: pki.ca.issued.certPem, handler: (q, r, b, i) => handler(q, r, b, i) });
  client = new ImcoClient({
    endpoint: server.endpoint,
    caCertPath: pki.ca.certPath,
    clientCertPath: pki.client.certPath,
    clientKeyPath: pki.client.keyPath,
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5, deadlineMs: 10_000 },
  });
  await client.list('label'); // the server has accepted our certificate
});

afterAll(async () => {
  client.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The first request to `path` acts and loses its answer (connection dropped); later ones get 422. */
function actsThenRefuses(path: string): void {
  let seen = 0;
  handler = (req, res) => {
    if (req.url !== path) return json(res, 200, []);
    if (seen++ === 0) {
      req.socket.destroy();
      return;
    }
    json(res, 422, { errors: { state: ["server 'db' is inactive; shutdown needs it to be operational"] } });
  };
}

test('an idempotent action refused after its lost first answer counts as done', async () => {
  actsThenRefuses('/v2/cloud/servers/s1/shutdown');
  await expect(apiOf(client).action('server', 'shutdown', 's1', { id: 's1' })).resolves.toBeUndefined();
  expect(server.requests.filter((r) => r.url === '/v2/cloud/servers/s1/shutdown')).toHaveLength(2);

  actsThenRefuses('/v2/storage/volumes/v1/attached_server');
  await expect(apiOf(client).action('volume', 'detach', 'v1')).resolves.toBeUndefined();
});

test('a 422 without a lost answer, and a POST action with a lost answer, still fail', async () => {
  handler = (req, res) => json(res, 422, { errors: { state: ['server is stalled'] } });
  await expect(apiOf(client).action('server', 'shutdown', 's2', { id: 's2' })).rejects.toThrow('failed (422): state: server is stalled');

  actsThenRefuses('/v2/storage/volumes/v2/attached_server');
  await expect(apiOf(client).action('volume', 'attach', 'v2', { attached_server_id: 's1' })).rejects.toThrow('outcome unknown');
});
