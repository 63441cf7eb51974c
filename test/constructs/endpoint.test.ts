// Synth-time endpoint discovery: explicit, CONCERTO_ENDPOINT, client.xml; normalisation; errors.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverEndpoint, normaliseEndpoint, serverOfClientXml } from '../../lib/constructs/endpoint';

const emptyHome = (): string => mkdtempSync(join(tmpdir(), 'imco-home-'));

describe('normaliseEndpoint', () => {
  test.each([
    ['https://clients.example.com:886', 'https://clients.example.com:886/v2'],
    ['https://clients.example.com:886/', 'https://clients.example.com:886/v2'],
    ['https://clients.example.com/v2/', 'https://clients.example.com/v2'],
    ['https://clients.example.com/v3', 'https://clients.example.com/v3'],
    ['  https://clients.example.com  ', 'https://clients.example.com/v2'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseEndpoint(raw, 'test')).toEqual({ endpoint: expected });
  });

  test('refuses http://', () => {
    expect(normaliseEndpoint('http://clients.example.com:886', 'CONCERTO_ENDPOINT').problem).toBe(
      "IMCO endpoint 'http://clients.example.com:886' (from CONCERTO_ENDPOINT) uses plain http://; IMCO is only reachable over https:// with your client certificate — use https://clients.example.com:886",
    );
  });

  test('refuses what is not a URL', () => {
    expect(normaliseEndpoint('clients.example.com', 'test').problem).toBe(
      "IMCO endpoint 'clients.example.com' (from test) is not a URL; expected https://clients.<domain>[:port][/v2]",
    );
  });
});

describe('discoverEndpoint', () => {
  test('explicit endpoint wins over the environment', () => {
    expect(discoverEndpoint({ explicit: 'https://a.example', env: { CONCERTO_ENDPOINT: 'https://b.example' }, homeDir: emptyHome() })).toEqual({
      endpoint: 'https://a.example/v2',
      origin: 'settings',
    });
  });

  test('CONCERTO_ENDPOINT wins over client.xml', () => {
    const home = emptyHome();
    mkdirSync(join(home, '.concerto'));
    writeFileSync(join(home, '.concerto', 'client.xml'), '<concerto server="https://xml.example:886/"/>');
    expect(discoverEndpoint({ env: { CONCERTO_ENDPOINT: 'https://env.example' }, homeDir: home })).toEqual({
      endpoint: 'https://env.example/v2',
      origin: 'CONCERTO_ENDPOINT',
    });
  });

  test('reads ~/.concerto/client.xml', () => {
    const home = emptyHome();
    mkdirSync(join(home, '.concerto'));
    const file = join(home, '.concerto', 'client.xml');
    writeFileSync(file, '<?xml version="1.0"?>\n<concerto version="1.0" server="https://xml.example:886/" log_file="x">\n <ssl cert="c" key="k" server_ca="ca"/>\n</concerto>\n');
    expect(discoverEndpoint({ env: {}, homeDir: home })).toEqual({ endpoint: 'https://xml.example:886/v2', origin: { file } });
  });

  test('CONCERTO_CONFIG names the client.xml; configPath overrides it', () => {
    const dir = emptyHome();
    const a = join(dir, 'a.xml');
    const b = join(dir, 'b.xml');
    writeFileSync(a, "<concerto server='https://a.example'/>");
    writeFileSync(b, '<concerto server="https://b.example/x&amp;y/"/>');
    expect(discoverEndpoint({ env: { CONCERTO_CONFIG: a }, homeDir: emptyHome() }).endpoint).toBe('https://a.example/v2');
    expect(discoverEndpoint({ env: { CONCERTO_CONFIG: a }, configPath: b, homeDir: emptyHome() }).endpoint).toBe('https://b.example/x&y');
  });

  test('no endpoint anywhere names the three ways to set it', () => {
    const home = emptyHome();
    expect(discoverEndpoint({ env: {}, homeDir: home }).problem).toBe(
      `no IMCO endpoint configured (CONCERTO_ENDPOINT is unset and ${join(home, '.concerto', 'client.xml')} does not exist): ` +
        "set it with new ImcoSettings(stack, 'imco', { endpoint: 'https://clients.<domain>' }), export CONCERTO_ENDPOINT, " +
        'or put a server="…" attribute in the client.xml at CONCERTO_CONFIG or ~/.concerto/client.xml',
    );
  });

  test('a client.xml without server is reported as such', () => {
    const dir = emptyHome();
    const file = join(dir, 'client.xml');
    writeFileSync(file, '<concerto><ssl cert="c"/></concerto>');
    expect(discoverEndpoint({ env: { CONCERTO_CONFIG: file }, homeDir: dir }).problem).toMatch(`${file} has no server attribute`);
  });
});

describe('serverOfClientXml', () => {
  test('ignores comments and the server attribute of other elements', () => {
    expect(serverOfClientXml('<!-- <concerto server="https://old"/> --><concerto log_level="info"><x server="no"/></concerto>')).toBeUndefined();
    expect(serverOfClientXml('<concerto  server = "https://x" />')).toBe('https://x');
  });
});
