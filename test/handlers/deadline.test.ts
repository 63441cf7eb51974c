// The real imco-bridge against an IMCO that never answers (or trickles its answer): the invocation
// ends at the object's timeoutSeconds with one line naming the request, instead of hanging the
// provisioner (a socket idle timer alone never fires while bytes keep arriving).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { startPkiServer, type TestHandler, type TestPki, type TestServer } from '../support/tls-fixtures';

const BRIDGE = join(__dirname, '..', '..', 'bin', 'imco-bridge.js');
let dir: string;
let pki: TestPki;
let server: TestServer;
let handler: TestHandler = () => undefined;
const timers: NodeJS.Timeout[] = [];

beforeAll(async () => {
  ({ dir, pki, server } = await startPkiServer('deadline', (q, r, b, i) => handler(q, r, b, i)));
});

afterAll(async () => {
  timers.forEach((t) => clearInterval(t));
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function update(timeoutSeconds: number): Promise<{ code: number | null; stderr: string }> {
  const spec = {
    version: 1,
    kind: 'firewall_profile',
    stack: 'deadline',
    path: 'fw',
    endpoint: server.endpoint,
    self: { kind: 'firewall_profile', owner: 'deadline.fw', path: 'fw' },
    fields: { name: 'fw' },
    extras: {},
    timeoutSeconds,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BRIDGE, 'update'], {
      env: {
        PATH: process.env.PATH,
        HOME: dir,
        CONCERTO_ENDPOINT: server.endpoint,
        CONCERTO_CA_CERT: pki.ca.certPath,
        CONCERTO_CLIENT_CERT: pki.client.certPath,
        CONCERTO_CLIENT_KEY: pki.client.keyPath,
        IMCO_BRIDGE_SPEC: JSON.stringify(spec),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

test('no answer at all: the handler gives up at its timeoutSeconds with one line', async () => {
  handler = () => undefined;
  const r = await update(2);
  expect(r.code).toBe(1);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^imco-bridge update fw: IMCO GET \/labels: no answer from 127\.0\.0\.1:\d+ within \d+ ms \(gave up after \d+ attempts: deadline reached\)\n$/);
});

test('an answer trickling in a byte at a time: the handler gives up at its timeoutSeconds', async () => {
  handler = (_q, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100000' });
    res.write('[');
    const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write(' ')), 100);
    timers.push(t);
    res.on('close', () => clearInterval(t));
  };
  const r = await update(2);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^imco-bridge update fw: IMCO GET \/labels: no complete answer from 127\.0\.0\.1:\d+ within \d+ ms \(gave up after \d+ attempts: deadline reached\)\n$/);
});
