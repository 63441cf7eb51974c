// Configuration discovery like the cio CLI: precedence options > CONCERTO_* > client.xml, the
// client.xml lookup (CONCERTO_CONFIG, else ~/.concerto/client.xml), endpoint normalisation, and
// messages naming what is missing and where it was looked for.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ImcoError, describeConfig, discoverConfig, normaliseEndpoint, parseClientXml } from '../../lib/client';
import { tempDir } from '../support/tls-fixtures';

let dir: string;

beforeAll(() => {
  dir = tempDir('config');
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function writeXml(file: string, server: string, cert: string, key: string, ca: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>\n<!-- written by a test -->\n<concerto version="1.0" server="${server}" log_file="/tmp/x.log" log_level="info">\n  <ssl cert="${cert}" key="${key}" server_ca="${ca}" />\n</concerto>\n`,
  );
  return file;
}

function configError(fn: () => unknown): ImcoError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ImcoError);
    expect((err as ImcoError).code).toBe('config');
    return err as ImcoError;
  }
  throw new Error('expected a config error');
}

describe('endpoint normalisation', () => {
  test.each([
    ['https://clients.example.com:886', 'https://clients.example.com:886/v2'],
    ['https://clients.example.com:886/', 'https://clients.example.com:886/v2'],
    ['https://clients.example.com/v2/', 'https://clients.example.com/v2'],
    ['https://clients.example.com/v3', 'https://clients.example.com/v3'],
    ['  https://127.0.0.1:8443//  ', 'https://127.0.0.1:8443/v2'],
  ])('%s → %s', (given, expected) => {
    const { endpoint, warnings } = normaliseEndpoint(given);
    expect(endpoint).toBe(expected);
    expect(warnings).toEqual([]);
  });

  test('another path is kept with a warning, as cio does', () => {
    expect(normaliseEndpoint('https://imco.example.com/api/')).toEqual({
      endpoint: 'https://imco.example.com/api',
      warnings: ['IMCO endpoint path /api is neither /v2 nor /v3; using it as given'],
    });
  });

  test('http:// is refused with the https form to use', () => {
    const err = configError(() => normaliseEndpoint('http://clients.example.com:886/', { from: 'env', variable: 'CONCERTO_ENDPOINT' }));
    expect(err.message).toBe(
      'IMCO endpoint http://clients.example.com:886/ (from CONCERTO_ENDPOINT) uses plain http://; the IMCO API is only reachable over https:// with your client certificate — use https://clients.example.com:886',
    );
  });

  test('non-URLs, other schemes, queries and credentials are refused', () => {
    expect(configError(() => normaliseEndpoint('clients.example.com')).message).toContain('is not a URL');
    expect(configError(() => normaliseEndpoint('ftp://x.example')).message).toContain('must start with https://');
    expect(configError(() => normaliseEndpoint('https://x.example/v2?a=1')).message).toContain('query');
    expect(configError(() => normaliseEndpoint('https://u:p@x.example')).message).toContain('user name or password');
  });
});

describe('client.xml', () => {
  test('reads server and the ssl attributes, decoding entities, ignoring comments and agent settings', () => {
    const values = parseClientXml(
      `<?xml version="1.0"?><!-- <concerto server="wrong"/> -->
       <concerto server='https://a.example:886/' log_level="debug">
         <bootstrap interval="600" splay="30"/>
         <ssl cert="/k/cert&amp;1.crt" key="/k/private/cert.key" server_ca="/k/ca_cert.pem"></ssl>
       </concerto>`,
    );
    expect(values).toEqual({
      server: 'https://a.example:886/',
      cert: '/k/cert&1.crt',
      key: '/k/private/cert.key',
      serverCa: '/k/ca_cert.pem',
    });
  });

  test('a file whose root is not <concerto> is refused, naming the file', () => {
    expect(configError(() => parseClientXml('<config server="x"/>', '/etc/x.xml')).message).toBe(
      'IMCO configuration file /etc/x.xml does not have valid XML format: the root element must be <concerto>',
    );
  });
});

describe('discovery precedence', () => {
  const home = (): string => path.join(dir, 'home');
  const defaultXml = (): string => path.join(home(), '.concerto', 'client.xml');

  beforeAll(() => {
    writeXml(defaultXml(), 'https://from-home.example:886/', '/home-files/cert.crt', '/home-files/cert.key', '/home-files/ca.pem');
    writeXml(path.join(dir, 'other', 'client.xml'), 'https://from-config.example', '/cfg/cert.crt', '/cfg/cert.key', '/cfg/ca.pem');
  });

  test('~/.concerto/client.xml under HOME is used when nothing else is set', () => {
    const { config } = discoverConfig({ env: { HOME: home() } });
    expect(config.endpoint).toBe('https://from-home.example:886/v2');
    expect(config.clientCert.path).toBe('/home-files/cert.crt');
    expect(config.clientKey.path).toBe('/home-files/cert.key');
    expect(config.caCert.path).toBe('/home-files/ca.pem');
    expect(config.configFile).toEqual({ path: defaultXml(), source: { from: 'default' }, found: true });
    expect(config.clientKey.source).toEqual({ from: 'file', file: defaultXml(), attribute: 'ssl/@key' });
  });

  test('CONCERTO_CONFIG replaces the default file', () => {
    const file = path.join(dir, 'other', 'client.xml');
    const { config } = discoverConfig({ env: { HOME: home(), CONCERTO_CONFIG: file } });
    expect(config.endpoint).toBe('https://from-config.example/v2');
    expect(config.caCert.path).toBe('/cfg/ca.pem');
    expect(config.configFile?.source).toEqual({ from: 'env', variable: 'CONCERTO_CONFIG' });
  });

  test('each CONCERTO_* variable overrides its file value; the others still come from the file', () => {
    const { config } = discoverConfig({
      env: { HOME: home(), CONCERTO_ENDPOINT: 'https://from-env.example/v3/', CONCERTO_CLIENT_KEY: '/env/key.pem', CONCERTO_CA_CERT: '' },
    });
    expect(config.endpoint).toBe('https://from-env.example/v3');
    expect(config.endpointSource).toEqual({ from: 'env', variable: 'CONCERTO_ENDPOINT' });
    expect(config.clientKey).toEqual({ path: '/env/key.pem', source: { from: 'env', variable: 'CONCERTO_CLIENT_KEY' } });
    // An empty variable counts as unset, as in cio.
    expect(config.caCert.source).toEqual({ from: 'file', file: defaultXml(), attribute: 'ssl/@server_ca' });
    expect(config.clientCert.path).toBe('/home-files/cert.crt');
  });

  test('explicit options override variables and file', () => {
    const { config } = discoverConfig({
      env: { HOME: home(), CONCERTO_ENDPOINT: 'https://from-env.example', CONCERTO_CLIENT_CERT: '/env/cert.crt' },
      endpoint: 'https://from-option.example:9443',
      clientCertPath: 'relative/cert.crt',
    });
    expect(config.endpoint).toBe('https://from-option.example:9443/v2');
    expect(config.endpointSource).toEqual({ from: 'option', option: 'endpoint' });
    expect(config.clientCert).toEqual({ path: path.resolve('relative/cert.crt'), source: { from: 'option', option: 'clientCertPath' } });
    expect(describeConfig(config)).toEqual([
      'endpoint: https://from-option.example:9443/v2 — from option endpoint',
      `CA certificate: /home-files/ca.pem — from ${defaultXml()} (ssl/@server_ca)`,
      `client certificate: ${path.resolve('relative/cert.crt')} — from option clientCertPath`,
      `client key: /home-files/cert.key — from ${defaultXml()} (ssl/@key)`,
      `config file: ${defaultXml()} (found)`,
    ]);
  });

  test('variables alone are enough when there is no file', () => {
    const { config } = discoverConfig({
      env: {
        HOME: path.join(dir, 'empty-home'),
        CONCERTO_ENDPOINT: 'https://e.example',
        CONCERTO_CA_CERT: '/e/ca',
        CONCERTO_CLIENT_CERT: '/e/cert',
        CONCERTO_CLIENT_KEY: '/e/key',
      },
    });
    expect(config.endpoint).toBe('https://e.example/v2');
    expect(config.configFile?.found).toBe(false);
  });

  test('missing values are named with every place looked in', () => {
    const err = configError(() =>
      discoverConfig({ env: { HOME: path.join(dir, 'empty-home'), CONCERTO_ENDPOINT: 'https://e.example', CONCERTO_CA_CERT: '/e/ca' } }),
    );
    const missingFile = path.join(dir, 'empty-home', '.concerto', 'client.xml');
    expect(err.message).toBe(
      `IMCO configuration incomplete: no client certificate, no client key. Looked in explicit options, the environment ` +
        `(CONCERTO_CLIENT_CERT, CONCERTO_CLIENT_KEY) and ${missingFile} (not found). ` +
        `Set CONCERTO_CLIENT_CERT and CONCERTO_CLIENT_KEY, or point CONCERTO_CONFIG at the client.xml of your IMCO API key.`,
    );
  });

  test('a file lacking an attribute and a CONCERTO_CONFIG naming a missing file are both reported', () => {
    const partial = path.join(dir, 'partial.xml');
    fs.writeFileSync(partial, '<concerto server="https://p.example"><ssl cert="/p/c" server_ca="/p/ca"/></concerto>');
    expect(configError(() => discoverConfig({ env: { CONCERTO_CONFIG: partial } })).message).toContain(
      `no client key. Looked in explicit options, the environment (CONCERTO_CLIENT_KEY) and ${partial} (found, without ssl/@key)`,
    );
    const absent = path.join(dir, 'absent.xml');
    expect(configError(() => discoverConfig({ env: { CONCERTO_CONFIG: absent } })).message).toContain(
      `${absent} (not found, named by CONCERTO_CONFIG)`,
    );
  });

  test('an http:// endpoint in client.xml is refused naming the file', () => {
    const file = writeXml(path.join(dir, 'http', 'client.xml'), 'http://insecure.example:886/', '/c', '/k', '/ca');
    expect(configError(() => discoverConfig({ configPath: file, env: {} })).message).toContain(
      `IMCO endpoint http://insecure.example:886/ (from ${file} (server)) uses plain http://`,
    );
  });
});
