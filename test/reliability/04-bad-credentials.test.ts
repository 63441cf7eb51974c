// Bad credentials: 18 broken set-ups (missing files, wrong CA, expired / not-yet-valid / foreign
// client certificates, key/cert mismatch, http://, an unreachable port, a plain-HTTP port, a server
// certificate for another host or expired, a world-readable, garbage or passphrase-protected key,
// a malformed client.xml, a directory instead of a file, no configuration at all). The real
// imco-bridge runs as a provisioner would (`update` with a spec) and as a user would (`context
// refresh`): each must end with a non-zero exit and exactly one actionable line on stderr, with no
// stack trace and no key material, and nothing may have been created.
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { FirewallProfile, ImcoSettings } from '../../lib/constructs';
import { createCertificateAuthority, issueCertificate, type IssuedCertificate } from '../../lib/pki/certificates';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { EXPIRED, NOT_YET_VALID } from '../support/tls-fixtures';
import { errorShapeProblems, keyFragments, runBridge, type BridgeResult } from './support/bridge';
import { forbid, record, scratch } from './support/run';
import { summary } from './support/summary';

const SUITE = 'bad-credentials';

interface Setup {
  /** CONCERTO_* (and other) variables of the set-up. */
  readonly env: Record<string, string>;
  /** Endpoint recorded in the spec (the stack was synthesized for it). */
  readonly endpoint: string;
}

interface Case {
  readonly name: string;
  readonly setup: () => Setup;
  /** What the one line must say (names the problem and the setting or command that fixes it). */
  readonly says: RegExp;
}

let dir: string;
let ca: IssuedCertificate;
let emulator: TestEmulator;
let otherHost: TestEmulator;
let expiredServer: TestEmulator;
let plainHttp: TcpServer;
let plainHttpPort: number;
const plainSockets = new Set<Socket>();
let closedPort: number;
const keys: string[] = [];
const files: Record<string, string> = {};

function write(name: string, text: string, mode = 0o600): string {
  const path = join(dir, name);
  writeFileSync(path, text, { mode });
  chmodSync(path, mode);
  return path;
}

function pair(name: string, issued: IssuedCertificate): { cert: string; key: string } {
  keys.push(issued.keyPem);
  return { cert: write(`${name}.crt`, issued.certPem, 0o644), key: write(`${name}.key`, issued.keyPem) };
}

/** An emulator whose certs/ holds the suite's CA (and optionally a pre-placed server pair). */
async function emulatorWith(name: string, server?: IssuedCertificate): Promise<TestEmulator> {
  const d = scratch(SUITE, name);
  const certs = join(d, 'certs');
  mkdirSync(certs, { recursive: true, mode: 0o700 });
  writeFileSync(join(certs, 'ca.crt'), ca.certPem);
  writeFileSync(join(certs, 'ca.key'), ca.keyPem, { mode: 0o600 });
  if (server) {
    writeFileSync(join(certs, 'server.crt'), server.certPem);
    writeFileSync(join(certs, 'server.key'), server.keyPem, { mode: 0o600 });
    keys.push(server.keyPem);
  }
  const emu = await startTestEmulator({ dir: d });
  keys.push(readFileSync(emu.clientKey, 'utf8'));
  return emu;
}

function listen(server: TcpServer): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

beforeAll(async () => {
  dir = scratch(SUITE, 'pki');
  ca = await createCertificateAuthority('CN=Reliability IMCO CA, O=imco-cdktf tests');
  keys.push(ca.keyPem);
  emulator = await emulatorWith('emulator');
  otherHost = await emulatorWith('other-host', await issueCertificate(ca, { subject: 'CN=imco.example.com', usage: 'server', dnsNames: ['imco.example.com'] }));
  expiredServer = await emulatorWith(
    'expired-server',
    await issueCertificate(ca, { subject: 'CN=localhost', usage: 'server', ipAddresses: ['127.0.0.1'], dnsNames: ['localhost'], ...EXPIRED }),
  );

  const foreignCa = await createCertificateAuthority('CN=Foreign CA, O=somebody else');
  keys.push(foreignCa.keyPem);
  files.foreignCa = write('foreign-ca.crt', foreignCa.certPem, 0o644);
  Object.assign(files, Object.fromEntries(Object.entries(pair('foreign-client', await issueCertificate(foreignCa, { subject: 'CN=Mallory', usage: 'client' }))).map(([k, v]) => [`foreign-${k}`, v])));
  Object.assign(files, Object.fromEntries(Object.entries(pair('expired', await issueCertificate(ca, { subject: 'CN=Old Key', usage: 'client', ...EXPIRED }))).map(([k, v]) => [`expired-${k}`, v])));
  Object.assign(files, Object.fromEntries(Object.entries(pair('future', await issueCertificate(ca, { subject: 'CN=Future Key', usage: 'client', ...NOT_YET_VALID }))).map(([k, v]) => [`future-${k}`, v])));
  files.worldReadableKey = join(dir, 'world-readable.key');
  copyFileSync(emulator.clientKey, files.worldReadableKey);
  chmodSync(files.worldReadableKey, 0o644);
  files.garbageKey = write('garbage.key', 'this is not a key\n');
  const encrypted = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'reliability' }).toString();
  keys.push(encrypted);
  files.encryptedKey = write('encrypted.key', encrypted);
  files.brokenXml = write('client.xml', `<?xml version="1.0"?>\n<configuration server="${emulator.endpoint}">\n  <ssl cert="${emulator.clientCert}" key="${emulator.clientKey}"\n`, 0o644);
  files.missing = join(dir, 'does-not-exist.pem');

  plainHttp = createTcpServer((socket) => {
    plainSockets.add(socket);
    socket.on('close', () => plainSockets.delete(socket));
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });
  plainHttpPort = await listen(plainHttp);
  const closed = createTcpServer();
  closedPort = await listen(closed);
  await new Promise<void>((r) => closed.close(() => r()));
  forbid(keys);
});

afterAll(async () => {
  plainSockets.forEach((sock) => sock.destroy());
  await new Promise<void>((r) => (plainHttp ? plainHttp.close(() => r()) : r()));
  for (const emu of [emulator, otherHost, expiredServer]) await emu?.stop();
});

/** Good credentials of `emu`, with overrides. */
function creds(emu: TestEmulator, over: Record<string, string> = {}): Setup {
  const env = {
    CONCERTO_ENDPOINT: emu.endpoint,
    CONCERTO_CA_CERT: emu.caCert,
    CONCERTO_CLIENT_CERT: emu.clientCert,
    CONCERTO_CLIENT_KEY: emu.clientKey,
    CONCERTO_CONFIG: files.missing,
    ...over,
  };
  return { env, endpoint: env.CONCERTO_ENDPOINT.startsWith('https://') ? env.CONCERTO_ENDPOINT : '' };
}

const CASES: Case[] = [
  { name: 'client key file missing', setup: () => creds(emulator, { CONCERTO_CLIENT_KEY: files.missing }), says: /cannot read IMCO client key .*no such file; fix the path in CONCERTO_CLIENT_KEY/ },
  { name: 'CA file missing', setup: () => creds(emulator, { CONCERTO_CA_CERT: files.missing }), says: /cannot read IMCO CA certificate .*no such file; fix the path in CONCERTO_CA_CERT/ },
  { name: 'CA path is a directory', setup: () => creds(emulator, { CONCERTO_CA_CERT: dir }), says: /CA certificate .* is not a file; fix the path in CONCERTO_CA_CERT/ },
  {
    name: 'no configuration at all',
    setup: () => ({ env: { CONCERTO_CONFIG: files.missing }, endpoint: '' }),
    says: /IMCO configuration incomplete: no endpoint, no CA certificate, no client certificate, no client key.*CONCERTO_ENDPOINT/,
  },
  { name: 'malformed client.xml', setup: () => ({ env: { CONCERTO_CONFIG: files.brokenXml }, endpoint: emulator.endpoint }), says: /client\.xml does not have valid XML format: the root element must be <concerto>/ },
  { name: 'wrong CA (does not sign the server)', setup: () => creds(emulator, { CONCERTO_CA_CERT: files.foreignCa }), says: /server certificate is not signed by the configured CA .*CONCERTO_CA_CERT/ },
  {
    name: 'expired client certificate',
    setup: () => creds(emulator, { CONCERTO_CLIENT_CERT: files['expired-cert'], CONCERTO_CLIENT_KEY: files['expired-key'] }),
    says: /client certificate .* expired on .*download a new API key/,
  },
  {
    name: 'not-yet-valid client certificate',
    setup: () => creds(emulator, { CONCERTO_CLIENT_CERT: files['future-cert'], CONCERTO_CLIENT_KEY: files['future-key'] }),
    says: /client certificate .* is not valid before .*clock/,
  },
  {
    name: 'client certificate from a foreign CA',
    setup: () => creds(emulator, { CONCERTO_CLIENT_CERT: files['foreign-cert'], CONCERTO_CLIENT_KEY: files['foreign-key'] }),
    says: /refused the client certificate .*CONCERTO_CLIENT_CERT/,
  },
  { name: 'key does not match the certificate', setup: () => creds(emulator, { CONCERTO_CLIENT_KEY: files['expired-key'] }), says: /client key .* does not match client certificate/ },
  { name: 'world-readable key', setup: () => creds(emulator, { CONCERTO_CLIENT_KEY: files.worldReadableKey }), says: /readable by every user .*chmod 600/ },
  { name: 'key file is not a PEM key', setup: () => creds(emulator, { CONCERTO_CLIENT_KEY: files.garbageKey }), says: /client key .* is not a PEM private key; fix CONCERTO_CLIENT_KEY/ },
  { name: 'passphrase-protected key', setup: () => creds(emulator, { CONCERTO_CLIENT_KEY: files.encryptedKey }), says: /protected by a passphrase/ },
  { name: 'http:// endpoint', setup: () => creds(emulator, { CONCERTO_ENDPOINT: emulator.endpoint.replace('https://', 'http://') }), says: /uses plain http:\/\/.*use https:\/\// },
  { name: 'unreachable port', setup: () => creds(emulator, { CONCERTO_ENDPOINT: `https://127.0.0.1:${closedPort}/v2` }), says: /connection refused .*check CONCERTO_ENDPOINT/ },
  { name: 'endpoint port speaks plain HTTP', setup: () => creds(emulator, { CONCERTO_ENDPOINT: `https://127.0.0.1:${plainHttpPort}/v2` }), says: /does not speak TLS on this port.*CONCERTO_ENDPOINT/ },
  { name: 'server certificate for another host', setup: () => creds(otherHost), says: /server certificate is for DNS:imco\.example\.com, not for host 127\.0\.0\.1/ },
  { name: 'expired server certificate', setup: () => creds(expiredServer), says: /server certificate has expired/ },
];

/** The spec `imco-bridge update` gets for a firewall profile of a stack synthesized for `endpoint`. */
function specFor(endpoint: string): string {
  const app = new App({ outdir: scratch(SUITE, 'synth') });
  const stack = new TerraformStack(app, 'badcreds');
  new ImcoSettings(stack, 'imco', { endpoint: emulator.endpoint, bridgeCommand: 'imco-bridge' });
  const fw = new FirewallProfile(stack, 'fw', { name: 'badcreds-fw', rules: [{ protocol: 'tcp', port: 22, source: '10.0.0.0/8' }] });
  return JSON.stringify({ ...fw.spec, endpoint });
}

/** A context file path that does not exist yet (refresh creates it on success). */
function contextFile(): string {
  return join(scratch(SUITE, 'context'), 'imco.context.json');
}

test('a good set-up works (the harness can succeed)', async () => {
  const good = creds(emulator);
  const r = await runBridge(['update'], { ...good.env, IMCO_BRIDGE_SPEC: specFor(good.endpoint) }, SUITE);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  expect(emulator.userObjects().map((o) => o.name)).toEqual(['badcreds-fw']);
  const refresh = await runBridge(['context', 'refresh', 'cloud_provider:name=AWS', 'saas_provider:name=New Relic', '--file', contextFile()], good.env, SUITE);
  expect({ code: refresh.code, stderr: refresh.stderr }).toEqual({ code: 0, stderr: '' });
  expect(refresh.stdout).toContain('added     cloud_provider:name=AWS');
});

const seen = new Map<string, BridgeResult[]>();

describe.each(CASES)('$name', ({ name, setup, says }) => {
  const keep = (r: BridgeResult) => {
    seen.set(name, [...(seen.get(name) ?? []), r]);
    record(SUITE, 'errors.log', r.stderr);
  };

  test('imco-bridge update: one actionable line, non-zero exit, no trace, no key material', async () => {
    const s = setup();
    const r = await runBridge(['update'], { ...s.env, IMCO_BRIDGE_SPEC: specFor(s.endpoint) }, SUITE);
    keep(r);
    expect(errorShapeProblems(r, keyFragments(keys))).toEqual([]);
    expect(r.stderr.trim()).toMatch(/^imco-bridge update fw: /);
    expect(r.stderr).toMatch(says);
  });

  test('imco-bridge context refresh: the same', async () => {
    const s = setup();
    const r = await runBridge(['context', 'refresh', 'cloud_provider:name=AWS', 'saas_provider:name=New Relic', '--file', contextFile()], s.env, SUITE);
    keep(r);
    expect(errorShapeProblems(r, keyFragments(keys))).toEqual([]);
    expect(r.stderr.trim()).toMatch(/^imco-bridge context( refresh)?: /);
    expect(r.stderr).toMatch(says);
  });
});

test('no broken set-up created anything', () => {
  expect(emulator.userObjects().map((o) => o.name)).toEqual(['badcreds-fw']);
  summary(SUITE, {
    setups: CASES.length,
    cases: CASES.map((c) => ({ name: c.name, ms: (seen.get(c.name) ?? []).map((r) => r.ms), line: seen.get(c.name)?.[0]?.stderr.trim() ?? '' })),
  });
});
