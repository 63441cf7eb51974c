// Answers a real IMCO should never give, from a scripted mutual-TLS server: a list that is not a
// list, an error body with a success status, a created object without a string id, a body that
// trickles in a byte at a time, and no answer at all past a caller's deadline. Each must become
// one clear ImcoError (never a TypeError in the caller, never a request that hangs).
import * as fs from 'node:fs';
import { ImcoClient, ImcoError, type ImcoClientOptions } from '../../lib/client';
import { json, startPkiServer, type TestHandler, type TestPki, type TestServer } from '../support/tls-fixtures';

let dir: string;
let pki: TestPki;
let server: TestServer;
let handler: TestHandler = (_q, res) => json(res, 200, {});
const clients: ImcoClient[] = [];
const timers: NodeJS.Timeout[] = [];

function client(options: Partial<ImcoClientOptions> = {}): ImcoClient {
  const c = new ImcoClient({
    endpoint: server.endpoint,
    caCertPath: pki.ca.certPath,
    clientCertPath: pki.client.certPath,
    clientKeyPath: pki.client.keyPath,
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5, deadlineMs: 10_000 },
    timeoutMs: 5000,
    ...options,
  });
  clients.push(c);
  return c;
}

async function failure(p: Promise<unknown>): Promise<ImcoError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ImcoError);
    return err as ImcoError;
  }
  throw new Error('expected the request to fail');
}

beforeAll(async () => {
  ({ dir, pki, server } = await startPkiServer('hostile', (req, res, body, index) => handler(req, res, body, index)));
});

afterAll(async () => {
  timers.forEach((t) => clearInterval(t));
  clients.forEach((c) => c.close());
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a list answered with an object is an error naming the shape, not a TypeError in the caller', async () => {
  handler = (_q, res) => json(res, 200, { labels: [{ id: 'a', name: 'x' }] });
  const err = await failure(client().list('label'));
  expect(err.message).toBe('IMCO GET /labels answered 200 with a JSON object where a list was expected; check that CONCERTO_ENDPOINT points at the IMCO API (…/v2)');
  expect(err.status).toBe(200);
});

test('a list whose items are not objects with a string id is an error', async () => {
  handler = (_q, res) => json(res, 200, [{ id: 'a' }, 'b']);
  expect((await failure(client().list('label'))).message).toContain('IMCO GET /labels answered 200 with a list whose item 2 is not an object with a string id');
});

test('an error body with status 200 is an error carrying its message', async () => {
  handler = (_q, res) => json(res, 200, { error: 'database unavailable' });
  expect((await failure(client().list('vpc'))).message).toBe('IMCO GET /network/vpcs answered 200 with an error: database unavailable');
  handler = (_q, res) => json(res, 200, { errors: { base: ['quota of firewall profiles exceeded'] } });
  const err = await failure(client().create('firewall_profile', { name: 'web' }));
  expect(err.message).toBe('IMCO POST /network/firewall_profiles answered 200 with an error: quota of firewall profiles exceeded');
  expect(err.fieldErrors).toEqual({ base: ['quota of firewall profiles exceeded'] });
});

test('a created, shown or updated object must have a string id', async () => {
  handler = (_q, res) => json(res, 201, { id: 424242, name: ['x'] });
  expect((await failure(client().create('script', { name: 'x', code: 'true' }))).message).toBe(
    'IMCO POST /blueprint/scripts answered 201 with an object whose id is not a string (number); check that CONCERTO_ENDPOINT points at the IMCO API (…/v2)',
  );
  handler = (_q, res) => json(res, 200, ['not', 'an', 'object']);
  expect((await failure(client().show('vpc', 'v1'))).message).toContain('IMCO GET /network/vpcs/v1 answered 200 with a JSON list where an object was expected');
  handler = (_q, res) => json(res, 200, { name: 'no id' });
  expect((await failure(client().update('vpc', 'v1', { name: 'x' }))).message).toContain('IMCO PUT /network/vpcs/v1 answered 200 with an object whose id is not a string (undefined)');
});

test('a body that trickles in a byte at a time is cut off at the attempt timeout', async () => {
  handler = (_q, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100000' });
    res.write('[');
    const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write(' ')), 50);
    timers.push(t);
    res.on('close', () => clearInterval(t));
  };
  const err = await failure(client({ timeoutMs: 400, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 5, deadlineMs: 2000 } }).list('label'));
  expect(err.code).toBe('timeout');
  expect(err.message).toMatch(/^IMCO GET \/labels: no complete answer from 127\.0\.0\.1:\d+ within 400 ms \(gave up after 2 attempts\)$/);
});

test('no request outlives the deadline given to the client (a handler invocation)', async () => {
  handler = () => undefined; // never answers
  const c = client({ timeoutMs: 30_000, retry: { attempts: 5, baseDelayMs: 1, maxDelayMs: 5, deadlineMs: 60_000 }, deadline: Date.now() + 700 });
  const err = await failure(c.list('vpc'));
  expect(err.code).toBe('timeout');
  expect(err.message).toMatch(/^IMCO GET \/network\/vpcs: no answer from 127\.0\.0\.1:\d+ within \d+ ms \(gave up after 1 attempts: deadline reached\)$/);
});
