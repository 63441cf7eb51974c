// Shared agents (the bridge server's mode): clients of the same credentials reuse one agent's
// kept-alive connections, closing one client leaves the others working, and without sharing every
// client has its own connections, closed with it.
import * as fs from 'node:fs';
import { ImcoClient } from '../../lib/client';
import { destroySharedAgents, shareAgents } from '../../lib/client/agent';
import { json, startPkiServer, type TestPki, type TestServer } from '../support/tls-fixtures';

let dir: string;
let pki: TestPki;
let server: TestServer;
const ports: number[] = [];

function client(): ImcoClient {
  return new ImcoClient({
    endpoint: server.endpoint,
    caCertPath: pki.ca.certPath,
    clientCertPath: pki.client.certPath,
    clientKeyPath: pki.client.keyPath,
    timeoutMs: 5000,
  });
}

beforeAll(async () => {
  ({ dir, pki, server } = await startPkiServer('shared-agent', (req, res) => {
    ports.push(req.socket.remotePort ?? 0);
    json(res, 200, [{ id: 'l1', name: 'x', namespace: 'n' }]);
  }));
});

afterEach(() => {
  destroySharedAgents();
  ports.length = 0;
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('with sharing, three clients one after another use one connection; a closed client does not close it', async () => {
  shareAgents();
  for (let i = 0; i < 3; i++) {
    const c = client();
    expect(await c.list('label')).toHaveLength(1);
    c.close();
  }
  expect(ports).toHaveLength(3);
  expect(new Set(ports).size).toBe(1);
});

test('without sharing, each client opens (and closes) its own connection', async () => {
  for (let i = 0; i < 3; i++) {
    const c = client();
    expect(await c.list('label')).toHaveLength(1);
    c.close();
  }
  expect(new Set(ports).size).toBe(3);
});
