// The request engine against a scripted mutual-TLS server: what is retried and what is not,
// Retry-After, deadlines, timeouts, unknown outcomes, error bodies, uploads, secret scrubbing.
import * as fs from 'node:fs';
import * as net from 'node:net';
import { Readable } from 'node:stream';
import { ImcoClient, ImcoError, ImcoOutcomeUnknownError, type ImcoClientOptions, type RequestInfo } from '../../lib/client';
import { LeakRecorder } from '../support/client-leak-recorder';
import { createTestPki, json, startPkiServer, startTestServer, tempDir, type TestHandler, type TestPki, type TestServer } from '../support/tls-fixtures';

const recorder = new LeakRecorder();
const SECRETS = ['psk-Very-Secret-42', 'acct-token-9f8e7d', 'ssh-private-in-body'];
let dir: string;
let pki: TestPki;
let server: TestServer;
let handler: TestHandler = (_q, res) => json(res, 200, {});
const clients: ImcoClient[] = [];

function client(options: Partial<ImcoClientOptions> = {}, hookLines?: RequestInfo[]): ImcoClient {
  const c = new ImcoClient({
    endpoint: server.endpoint,
    caCertPath: pki.ca.certPath,
    clientCertPath: pki.client.certPath,
    clientKeyPath: pki.client.keyPath,
    retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 5, deadlineMs: 10_000 },
    timeoutMs: 5000,
    onRequest: (info) => {
      recorder.hook(info);
      hookLines?.push(info);
    },
    ...options,
  });
  clients.push(c);
  return c;
}

function seen(method: string, url: string): number {
  return server.requests.filter((r) => r.method === method && r.url === url).length;
}

beforeAll(async () => {
  ({ dir, pki, server } = await startPkiServer('transport', (req, res, body, index) => handler(req, res, body, index)));
});

afterAll(async () => {
  clients.forEach((c) => c.close());
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a 429 with Retry-After is waited out for at least that long, then retried', async () => {
  let calls = 0;
  handler = (req, res) => {
    if (req.url === '/v2/limited' && calls++ === 0) return json(res, 429, { error: 'slow down' }, { 'Retry-After': '1' });
    json(res, 200, { id: 'ok' });
  };
  const lines: RequestInfo[] = [];
  const result = await client({}, lines).request<{ id: string }>({ method: 'POST', path: '/limited', body: {} });
  expect(result).toEqual({ id: 'ok' });
  expect(seen('POST', '/v2/limited')).toBe(2);
  expect(lines[0]).toMatchObject({ method: 'POST', path: '/limited', status: 429, attempt: 1 });
  expect(lines[0].retryInMs).toBeGreaterThanOrEqual(1000);
  expect(lines[1]).toMatchObject({ status: 200, attempt: 2 });
});

test('Retry-After as an HTTP-date is honoured too', async () => {
  let calls = 0;
  handler = (req, res) => {
    if (calls++ === 0) return json(res, 503, { error: 'maintenance' }, { 'Retry-After': new Date(Date.now() + 2000).toUTCString() });
    json(res, 200, []);
  };
  const lines: RequestInfo[] = [];
  await client({}, lines).request({ method: 'GET', path: '/dated' });
  expect(lines[0].retryInMs).toBeGreaterThanOrEqual(500);
});

test('a POST answered 503 is retried (nothing happened) and succeeds once', async () => {
  let calls = 0;
  handler = (_q, res) => (calls++ < 2 ? json(res, 503, { error: 'busy' }) : json(res, 201, { id: 'v1' }));
  const created = await client().request<{ id: string }>({ method: 'POST', path: '/network/vpcs', body: { name: 'a' } });
  expect(created.id).toBe('v1');
  expect(seen('POST', '/v2/network/vpcs')).toBe(3);
});

test('a POST whose connection drops after the request was read is NOT retried: outcome unknown', async () => {
  handler = (req, res) => {
    if (req.method === 'POST') req.socket.destroy();
    else json(res, 200, {});
  };
  const before = seen('POST', '/v2/blueprint/scripts');
  const c = client();
  await c.ping(); // the certificate is known to be accepted
  const err = await recorder.rejection(c.request({ method: 'POST', path: '/blueprint/scripts', body: { name: 's' } }));
  expect(err).toBeInstanceOf(ImcoOutcomeUnknownError);
  expect(err).toMatchObject({ code: 'outcome_unknown', method: 'POST', path: '/blueprint/scripts', attempts: 1 });
  expect(err.message).toMatch(/^IMCO POST \/blueprint\/scripts: outcome unknown — .*look the object up/);
  expect(seen('POST', '/v2/blueprint/scripts')).toBe(before + 1);
});

test('a GET whose connection drops is retried', async () => {
  let calls = 0;
  handler = (req, res) => (req.url === '/v2/network/vpcs' && calls++ === 0 ? req.socket.destroy() : json(res, 200, [{ id: 'a' }]));
  const c = client();
  await c.ping();
  await expect(c.request({ method: 'GET', path: '/network/vpcs' })).resolves.toEqual([{ id: 'a' }]);
});

test('a DELETE retried after a lost answer that then gets 404 counts as deleted', async () => {
  let calls = 0;
  handler = (req, res) => {
    if (req.method !== 'DELETE') json(res, 200, {});
    else if (calls++ === 0) req.socket.destroy();
    else json(res, 404, { error: 'Not found' });
  };
  const c = client();
  await c.ping();
  await expect(c.remove('vpc', 'gone-after-reset')).resolves.toBe(true);
  calls = 1; // straight 404: it never existed
  await expect(c.remove('vpc', 'never-existed')).resolves.toBe(false);
});

test('connection refused: retried (the request cannot have arrived), then a network error naming the endpoint', async () => {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const lines: RequestInfo[] = [];
  const err = (await recorder.rejection(
    client({ endpoint: `https://127.0.0.1:${port}` }, lines).request({ method: 'POST', path: '/network/vpcs', body: {} }),
  )) as ImcoError;
  expect(err.code).toBe('network');
  expect(err.message).toBe(
    `IMCO POST /network/vpcs: connection refused (127.0.0.1:${port}, ECONNREFUSED); check CONCERTO_ENDPOINT and that IMCO is reachable from here (gave up after 4 attempts)`,
  );
  expect(lines.map((l) => l.attempt)).toEqual([1, 2, 3, 4]);
});

test('the total deadline stops retries before the attempts run out', async () => {
  handler = (_q, res) => json(res, 503, { error: 'down for maintenance' });
  const lines: RequestInfo[] = [];
  const err = (await recorder.rejection(
    client({ retry: { attempts: 1000, baseDelayMs: 20, maxDelayMs: 40, deadlineMs: 300 } }, lines).request({ method: 'GET', path: '/cloud/servers' }),
  )) as ImcoError;
  expect(err).toMatchObject({ code: 'http', status: 503 });
  expect(err.message).toMatch(/^IMCO GET \/cloud\/servers failed \(503\): down for maintenance \(gave up after \d+ attempts: retry deadline of 0.3s reached\)$/);
  expect(err.attempts).toBeLessThan(1000);
  expect(lines.length).toBe(err.attempts);
});

test('an attempt cut short by the deadline reports the failure that led to it', async () => {
  let calls = 0;
  handler = (_q, res) => (calls++ === 0 ? json(res, 503, { error: 'warming up' }) : undefined); // then hangs
  const err = (await recorder.rejection(
    client({ timeoutMs: 5000, retry: { attempts: 4, baseDelayMs: 1, maxDelayMs: 2, deadlineMs: 700 } }).request({ method: 'GET', path: '/cut' }),
  )) as ImcoError;
  expect(err).toMatchObject({ code: 'http', status: 503, attempts: 2 });
  expect(err.message).toBe('IMCO GET /cut failed (503): warming up (gave up after 2 attempts: retry deadline of 0.7s reached)');
});

test('a Retry-After beyond the deadline gives up at once instead of waiting', async () => {
  handler = (_q, res) => json(res, 429, { error: 'quota' }, { 'Retry-After': '120' });
  const err = (await recorder.rejection(client({ retry: { deadlineMs: 2000 } }).request({ method: 'GET', path: '/labels' }))) as ImcoError;
  expect(err.attempts).toBe(1);
  expect(err.message).toContain('IMCO asked to retry after 120s, past the retry deadline of 2s');
});

test('per-request timeout: a GET times out with code timeout, a POST becomes outcome unknown', async () => {
  handler = () => undefined; // never answers
  const c = client({ timeoutMs: 150, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2, deadlineMs: 5000 } });
  await c.ping().catch(() => undefined);
  const getErr = (await recorder.rejection(c.request({ method: 'GET', path: '/slow' }))) as ImcoError;
  expect(getErr.code).toBe('timeout');
  expect(getErr.message).toBe('IMCO GET /slow: no answer from 127.0.0.1:' + server.port + ' within 150 ms (gave up after 2 attempts)');
  const postErr = await recorder.rejection(c.request({ method: 'POST', path: '/slow', body: {} }));
  expect(postErr).toBeInstanceOf(ImcoOutcomeUnknownError);
  expect(postErr.message).toContain('no answer within 150 ms');
});

test('both error body shapes, HTML pages, redirects and non-JSON answers become one-line messages', async () => {
  handler = (req, res) => {
    switch (req.url) {
      case '/v2/a':
        return json(res, 422, { errors: { cidr: ['is not a valid CIDR'], name: ["can't be blank"] } });
      case '/v2/b':
        return json(res, 404, { error: 'Not found' });
      case '/v2/c':
        res.writeHead(400, { 'Content-Type': 'text/html' });
        return res.end('<html><head><title>400 Bad Request</title></head><body>stack trace here</body></html>');
      case '/v2/d':
        res.writeHead(302, { Location: 'https://login.example/sso?token=abc' });
        return res.end();
      default:
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        return res.end('pong');
    }
  };
  const c = client();
  const a = (await recorder.rejection(c.request({ method: 'POST', path: '/a', body: {} }))) as ImcoError;
  expect(a.message).toBe("IMCO POST /a failed (422): cidr: is not a valid CIDR; name: can't be blank");
  expect(a.fieldErrors).toEqual({ cidr: ['is not a valid CIDR'], name: ["can't be blank"] });
  expect(a.isUnprocessable).toBe(true);
  const b = (await recorder.rejection(c.request({ method: 'GET', path: '/b' }))) as ImcoError;
  expect(b.message).toBe('IMCO GET /b failed (404): Not found');
  expect(b.isNotFound).toBe(true);
  const html = (await recorder.rejection(c.request({ method: 'GET', path: '/c' }))) as ImcoError;
  expect(html.message).toBe('IMCO GET /c failed (400): HTML page: 400 Bad Request');
  const redirect = (await recorder.rejection(c.request({ method: 'GET', path: '/d' }))) as ImcoError;
  expect(redirect.message).toBe('IMCO GET /d failed (302): redirected to https://login.example/sso; check CONCERTO_ENDPOINT (it should end in /v2)');
  const text = (await recorder.rejection(c.request({ method: 'GET', path: '/e' }))) as ImcoError;
  expect(text.message).toContain('IMCO GET /e answered 200 with a body that is not JSON (pong)');
});

test('401/403 explain that the client certificate was not accepted', async () => {
  handler = (_q, res) => json(res, 403, { error: 'Forbidden' });
  const err = (await recorder.rejection(client().request({ method: 'GET', path: '/cloud/servers' }))) as ImcoError;
  expect(err.message).toContain('IMCO GET /cloud/servers failed (403): Forbidden; IMCO did not accept the client certificate');
  expect(err.message).toContain(pki.client.certPath);
});

test('a TLS-terminating proxy that refuses the certificate with "400 The SSL certificate error" is a TLS error', async () => {
  handler = (_q, res) => {
    res.writeHead(400, { 'Content-Type': 'text/html' });
    res.end('<html><head><title>400 The SSL certificate error</title></head><body><center>nginx</center></body></html>');
  };
  const err = (await recorder.rejection(client().request({ method: 'GET', path: '/cloud/servers' }))) as ImcoError;
  expect(err).toMatchObject({ code: 'tls', status: 400 });
  expect(err.message).toContain('IMCO GET /cloud/servers failed (400): HTML page: 400 The SSL certificate error; IMCO did not accept the client certificate');
});

test('secret values sent in a body never come back in messages, even when IMCO echoes them', async () => {
  handler = (_q, res, body) => json(res, 422, { errors: { account_data: [`invalid: ${body.toString()}`] } });
  const c = client();
  const err = (await recorder.rejection(
    c.request({
      method: 'POST',
      path: '/settings/saas_accounts',
      body: { saas_provider_id: 'p1', account_data: { token: SECRETS[1] }, psk: SECRETS[0], private_key: SECRETS[2] },
    }),
  )) as ImcoError;
  expect(err.message).toContain('[redacted]');
  for (const secret of SECRETS) {
    expect(err.message).not.toContain(secret);
    expect(JSON.stringify(err.fieldErrors)).not.toContain(secret);
  }
});

test('uploads: chunked PUT of the raw bytes without Content-Type, re-sent whole after a 503', async () => {
  const bytes = Buffer.alloc(200 * 1024, 7);
  let calls = 0;
  handler = (req, res) => (req.url?.startsWith('/uploads/') && calls++ === 0 ? json(res, 503, {}) : json(res, 200, {}));
  const before = server.requests.length;
  await client().uploadTo(`https://127.0.0.1:${server.port}/uploads/abc?sig=1`, bytes);
  const uploads = server.requests.slice(before).filter((r) => r.url === '/uploads/abc?sig=1');
  expect(uploads).toHaveLength(2);
  for (const upload of uploads) {
    expect(upload.method).toBe('PUT');
    expect(upload.headers['transfer-encoding']).toBe('chunked');
    expect(upload.headers['content-length']).toBeUndefined();
    expect(upload.headers['content-type']).toBeUndefined();
    expect(upload.body.equals(bytes)).toBe(true);
  }
});

test('a POST whose connection drops right after the handshake, on a server that refuses our certificate, is a TLS error, not an unknown outcome', async () => {
  const { createCertificateAuthority, issueCertificate } = await import('../../lib/pki/certificates');
  const { writeCertificate } = await import('../support/tls-fixtures');
  const stranger = writeCertificate(dir, 'stranger', await issueCertificate(await createCertificateAuthority('CN=Elsewhere'), { subject: 'CN=S', usage: 'client' }));
  const err = (await recorder.rejection(
    client({ clientCertPath: stranger.certPath, clientKeyPath: stranger.keyPath }).request({ method: 'POST', path: '/network/vpcs', body: {} }),
  )) as ImcoError;
  expect(err).not.toBeInstanceOf(ImcoOutcomeUnknownError);
  expect(err.code).toBe('tls');
  expect(err.attempts).toBe(1);
  expect(err.message).toContain('server refused the client certificate');
});

test('uploads from a file or a stream factory; http:// upload URLs are refused', async () => {
  handler = (_q, res) => json(res, 200, {});
  const file = `${dir}/cookbook.tar.gz`;
  fs.writeFileSync(file, 'archive-bytes');
  const c = client();
  const before = server.requests.length;
  await c.uploadTo(`https://127.0.0.1:${server.port}/uploads/f`, { path: file });
  await c.uploadTo(`/uploads/relative`, () => Readable.from([Buffer.from('stream-'), Buffer.from('bytes')]));
  const bodies = server.requests.slice(before).map((r) => `${r.url}=${r.body.toString()}`);
  expect(bodies).toEqual(['/uploads/f=archive-bytes', '/uploads/relative=stream-bytes']);
  const refused = (await recorder.rejection(c.uploadTo('http://127.0.0.1/uploads/x', Buffer.from('x')))) as ImcoError;
  expect(refused.code).toBe('config');
  expect(refused.message).toContain('upload URLs must be https://');
  const missing = (await recorder.rejection(c.uploadTo(`https://127.0.0.1:${server.port}/u`, { path: `${dir}/missing.tgz` }))) as ImcoError;
  expect(missing.message).toBe(`cannot upload ${dir}/missing.tgz: it is not a readable file`);
});

test('an upload URL on another origin works only when its certificate chains to the configured CA', async () => {
  const sameCa = await startTestServer({ serverCert: pki.server, clientCaPem: pki.ca.issued.certPem, handler: (_q, res) => json(res, 200, {}) });
  const otherPki = await createTestPki(tempDir('other-origin'));
  const otherCa = await startTestServer({ serverCert: otherPki.server, clientCaPem: pki.ca.issued.certPem, handler: (_q, res) => json(res, 200, {}) });
  try {
    const c = client();
    await c.uploadTo(`https://127.0.0.1:${sameCa.port}/uploads/ok`, Buffer.from('bytes'));
    expect(sameCa.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['PUT /uploads/ok']);
    const err = (await recorder.rejection(c.uploadTo(`https://127.0.0.1:${otherCa.port}/uploads/evil`, Buffer.from('bytes')))) as ImcoError;
    expect(err.code).toBe('tls');
    expect(err.message).toContain('the server certificate is not signed by the configured CA');
    expect(otherCa.requests).toHaveLength(0);
  } finally {
    await sameCa.close();
    await otherCa.close();
    fs.rmSync(otherPki.dir, { recursive: true, force: true });
  }
});

test('downloads: raw bytes over the same agent, only 200 counts, http:// refused', async () => {
  const bytes = Buffer.from([0, 1, 2, 250, 255, 10, 13]);
  handler = (req, res) => {
    if (req.url === '/downloads/ok') {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': bytes.length });
      res.end(bytes);
    } else {
      res.writeHead(204);
      res.end();
    }
  };
  const c = client();
  expect((await c.downloadFrom(`https://127.0.0.1:${server.port}/downloads/ok`)).equals(bytes)).toBe(true);
  const notOk = (await recorder.rejection(c.downloadFrom(`https://127.0.0.1:${server.port}/downloads/empty`))) as ImcoError;
  expect(notOk).toMatchObject({ code: 'http', status: 204 });
  const insecure = (await recorder.rejection(c.downloadFrom('http://127.0.0.1/downloads/x'))) as ImcoError;
  expect(insecure.message).toContain('download URLs must be https://');
});

test('a throwing onRequest hook never breaks a request; hook lines carry no bodies', async () => {
  handler = (_q, res) => json(res, 200, { id: 'fine' });
  const c = client({ onRequest: () => { throw new Error('logger broke'); } });
  await expect(c.request({ method: 'POST', path: '/x', body: { psk: SECRETS[0] } })).resolves.toEqual({ id: 'fine' });
});

test('query parameters are encoded, requests carry JSON only when they have a body', async () => {
  handler = (_q, res) => json(res, 200, []);
  const before = server.requests.length;
  const c = client();
  await c.call('template_script.list', { template_id: 't 1/2' }, undefined, { type: 'boot', skip: undefined });
  await c.call('server.boot', { id: 's1' });
  const [list, boot] = server.requests.slice(before);
  expect(list.url).toBe('/v2/blueprint/templates/t%201%2F2/scripts?type=boot');
  expect(list.headers['content-type']).toBeUndefined();
  expect(boot.method).toBe('PUT');
  expect(boot.headers['content-type']).toBe('application/json');
  expect(boot.body.toString()).toBe('{}');
});

test('no error message or request line of this file holds key material or secret values', () => {
  expect(recorder.lines.length).toBeGreaterThan(20);
  expect(recorder.leaks(LeakRecorder.forbiddenFragments([pki.client.issued.keyPem, pki.ca.issued.keyPem], SECRETS))).toEqual([]);
});
