// Credential discovery end to end: the client.xml the emulator writes (via CONCERTO_CONFIG and as
// ~/.concerto/client.xml), the CONCERTO_* variables, and the precedence options > variables > file,
// each proven by a real mutual-TLS request — a value that loses must not be used.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { ImcoClient, ImcoError, type ImcoEnvironmentOptions } from '../../lib/client';
import { LeakRecorder } from '../support/client-leak-recorder';
import { tempDir } from '../support/tls-fixtures';
import { TEST_RETRY, startClientHarness, type ClientHarness } from './support/emulator-client';

let h: ClientHarness;
let dir: string;
let deadEndpoint: string;
const clients: ImcoClient[] = [];
const CONCERTO_VARS = ['CONCERTO_ENDPOINT', 'CONCERTO_CA_CERT', 'CONCERTO_CLIENT_CERT', 'CONCERTO_CLIENT_KEY', 'CONCERTO_CONFIG', 'HOME'];

function discover(options: ImcoEnvironmentOptions): ImcoClient {
  const c = ImcoClient.fromEnvironment({ retry: { ...TEST_RETRY, attempts: 2 }, onRequest: h.recorder.hook, ...options });
  clients.push(c);
  return c;
}

/** A client.xml like the emulator's, with some attributes replaced. */
function variantXml(name: string, replace: Record<string, string>): string {
  let xml = fs.readFileSync(h.emu.clientXml, 'utf8');
  for (const [attribute, value] of Object.entries(replace)) xml = xml.replace(new RegExp(`${attribute}="[^"]*"`), `${attribute}="${value}"`);
  const file = path.join(dir, name);
  fs.writeFileSync(file, xml);
  return file;
}

beforeAll(async () => {
  h = await startClientHarness();
  dir = tempDir('discovery');
  const closed = net.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  deadEndpoint = `https://127.0.0.1:${(closed.address() as net.AddressInfo).port}`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});

afterAll(async () => {
  clients.forEach((c) => c.close());
  await h.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the client.xml written by the emulator, named by CONCERTO_CONFIG, is enough', async () => {
  const c = discover({ env: { CONCERTO_CONFIG: h.emu.clientXml } });
  expect(await c.ping()).toEqual({ ok: true, status: 200 });
  expect(c.config.endpoint).toBe(h.emu.endpoint);
  expect(c.config.clientKey).toEqual({ path: h.emu.clientKey, source: { from: 'file', file: h.emu.clientXml, attribute: 'ssl/@key' } });
  expect(c.describeConfig()).toContain(`client key: ${h.emu.clientKey} — from ${h.emu.clientXml} (ssl/@key)`);
});

test('~/.concerto/client.xml is found through HOME, read from the real process environment', async () => {
  const home = path.join(dir, 'home');
  fs.mkdirSync(path.join(home, '.concerto'), { recursive: true });
  fs.copyFileSync(h.emu.clientXml, path.join(home, '.concerto', 'client.xml'));
  const saved = Object.fromEntries(CONCERTO_VARS.map((v) => [v, process.env[v]]));
  try {
    CONCERTO_VARS.forEach((v) => delete process.env[v]);
    process.env.HOME = home;
    const c = discover({});
    expect(c.config.configFile).toEqual({ path: path.join(home, '.concerto', 'client.xml'), source: { from: 'default' }, found: true });
    expect((await c.cloudProviders.list()).length).toBeGreaterThan(0);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
});

test('the four CONCERTO_* variables alone are enough', async () => {
  const c = discover({
    env: {
      HOME: path.join(dir, 'nobody'),
      CONCERTO_ENDPOINT: h.emu.endpoint.replace(/\/v2$/, '/'),
      CONCERTO_CA_CERT: h.emu.caCert,
      CONCERTO_CLIENT_CERT: h.emu.clientCert,
      CONCERTO_CLIENT_KEY: h.emu.clientKey,
    },
  });
  expect(c.config.endpoint).toBe(h.emu.endpoint);
  expect(await c.ping()).toEqual({ ok: true, status: 200 });
});

test('CONCERTO_* variables override the file: a dead endpoint and a missing key in client.xml are not used', async () => {
  const stale = variantXml('stale.xml', { server: `${deadEndpoint}/`, key: path.join(dir, 'no-such.key') });
  const c = discover({ env: { CONCERTO_CONFIG: stale, CONCERTO_ENDPOINT: h.emu.endpoint, CONCERTO_CLIENT_KEY: h.emu.clientKey } });
  expect(c.config.endpointSource).toEqual({ from: 'env', variable: 'CONCERTO_ENDPOINT' });
  expect(c.config.caCert.source).toEqual({ from: 'file', file: stale, attribute: 'ssl/@server_ca' });
  expect(await c.ping()).toEqual({ ok: true, status: 200 });

  // Without the override the file's values are used, and fail as they should.
  const err = h.recorder.thrown(() => discover({ env: { CONCERTO_CONFIG: stale, CONCERTO_ENDPOINT: h.emu.endpoint } })) as ImcoError;
  expect(err.message).toBe(`cannot read IMCO client key ${path.join(dir, 'no-such.key')} (from ${stale} (ssl/@key)): no such file; fix the path in ssl/@key in ${stale}`);
});

test('explicit options override the variables', async () => {
  const env = { CONCERTO_CONFIG: h.emu.clientXml, CONCERTO_ENDPOINT: deadEndpoint };
  const winning = discover({ env, endpoint: h.emu.endpoint });
  expect(winning.config.endpointSource).toEqual({ from: 'option', option: 'endpoint' });
  expect(await winning.ping()).toEqual({ ok: true, status: 200 });

  const losing = discover({ env: { CONCERTO_CONFIG: h.emu.clientXml }, endpoint: deadEndpoint });
  const err = (await h.recorder.rejection(losing.ping())) as ImcoError;
  expect(err.code).toBe('network');
  expect(err.message).toContain(`connection refused (${new URL(deadEndpoint).host}, ECONNREFUSED)`);
});

test('an http:// endpoint from the environment is refused before anything is sent', () => {
  const err = h.recorder.thrown(() =>
    discover({ env: { CONCERTO_CONFIG: h.emu.clientXml, CONCERTO_ENDPOINT: h.emu.endpoint.replace('https://', 'http://') } }),
  ) as ImcoError;
  expect(err.code).toBe('config');
  expect(err.message).toContain('(from CONCERTO_ENDPOINT) uses plain http://');
});

test('no error message or request line of this suite holds key material', () => {
  const clientKey = fs.readFileSync(h.emu.clientKey, 'utf8');
  expect(h.recorder.leaks(LeakRecorder.forbiddenFragments([clientKey], []))).toEqual([]);
});
