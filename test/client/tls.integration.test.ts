// TLS failures against the emulator itself, with purpose-made certificates pre-placed in its
// certs/ directory (it loads existing pairs): expired server certificate, server certificate for
// another host, expired client certificate, a client certificate from a foreign CA, and a CA file
// that does not sign the server. Each must be one actionable line and nothing may be retried.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ImcoClient, ImcoError } from '../../lib/client';
import { createCertificateAuthority, issueCertificate, type IssuedCertificate } from '../../lib/pki/certificates';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { LeakRecorder } from '../support/client-leak-recorder';
import { EXPIRED, tempDir } from '../support/tls-fixtures';
import { TEST_RETRY } from './support/emulator-client';

const recorder = new LeakRecorder();
const keys: string[] = [];
const emulators: TestEmulator[] = [];
const clients: ImcoClient[] = [];
const scratch: string[] = [];
let ca: IssuedCertificate;

function place(dir: string, name: 'ca' | 'server' | 'client', issued: IssuedCertificate): void {
  const certs = path.join(dir, 'certs');
  fs.mkdirSync(certs, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(certs, `${name}.crt`), issued.certPem);
  fs.writeFileSync(path.join(certs, `${name}.key`), issued.keyPem, { mode: 0o600 });
  keys.push(issued.keyPem);
}

/** An emulator whose certs/ holds our CA plus the given server/client pairs (others generated). */
async function emulatorWith(pairs: { server?: IssuedCertificate; client?: IssuedCertificate }): Promise<TestEmulator> {
  const dir = tempDir('tls-emulator');
  place(dir, 'ca', ca);
  if (pairs.server) place(dir, 'server', pairs.server);
  if (pairs.client) place(dir, 'client', pairs.client);
  const emu = await startTestEmulator({ dir });
  emulators.push(emu);
  return emu;
}

function discover(emu: TestEmulator, env: Record<string, string> = {}): ImcoClient {
  const c = ImcoClient.fromEnvironment({ env: { CONCERTO_CONFIG: emu.clientXml, ...env }, retry: TEST_RETRY, onRequest: recorder.hook });
  clients.push(c);
  return c;
}

function journalText(emu: TestEmulator): string {
  return fs.existsSync(emu.journalPath) ? fs.readFileSync(emu.journalPath, 'utf8') : '';
}

async function failure(emu: TestEmulator, c: ImcoClient): Promise<ImcoError> {
  await emu.flush();
  const before = journalText(emu);
  const err = (await recorder.rejection(c.vpcs.create({ name: 'x', cidr: '10.0.0.0/16', cloud_account_id: 'a', realm_provider_name: 'r' }))) as ImcoError;
  expect(err).toBeInstanceOf(ImcoError);
  expect(err.code).toBe('tls');
  expect(err.attempts).toBe(1);
  await emu.flush();
  expect(journalText(emu)).toBe(before); // nothing reached the API
  return err;
}

beforeAll(async () => {
  ca = await createCertificateAuthority('CN=Pre-placed IMCO CA, O=imco-cdktf tests');
  keys.push(ca.keyPem);
});

afterAll(async () => {
  clients.forEach((c) => c.close());
  for (const emu of emulators) await emu.dispose();
  scratch.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

function scratchDir(name: string): string {
  const d = tempDir(name);
  scratch.push(d);
  return d;
}

test('expired server certificate', async () => {
  const emu = await emulatorWith({ server: await issueCertificate(ca, { subject: 'CN=localhost', usage: 'server', ipAddresses: ['127.0.0.1'], ...EXPIRED }) });
  const err = await failure(emu, discover(emu));
  expect(err.message).toMatch(/^IMCO POST \/network\/vpcs: TLS handshake with 127\.0\.0\.1:\d+ failed: the server certificate has expired/);
});

test('server certificate for another host', async () => {
  const emu = await emulatorWith({ server: await issueCertificate(ca, { subject: 'CN=imco.elsewhere.example', usage: 'server', dnsNames: ['imco.elsewhere.example'] }) });
  const err = await failure(emu, discover(emu));
  expect(err.message).toContain('the server certificate is for DNS:imco.elsewhere.example, not for host 127.0.0.1');
});

test('expired client certificate: the emulator refuses it and the message says it expired', async () => {
  const expired = await issueCertificate(ca, { subject: 'CN=old-user', usage: 'client', ...EXPIRED });
  const emu = await emulatorWith({ client: expired });
  const err = await failure(emu, discover(emu));
  expect(err.message).toContain(`the client certificate ${emu.clientCert} (from ${emu.clientXml} (ssl/@cert)) expired on ${EXPIRED.notAfter.toISOString().slice(0, 10)}`);
});

test('client certificate from a foreign CA: refused, a TLS error even for a POST', async () => {
  const emu = await emulatorWith({});
  const dir = scratchDir('foreign-client');
  const foreign = await issueCertificate(await createCertificateAuthority('CN=Foreign CA'), { subject: 'CN=stranger', usage: 'client' });
  fs.writeFileSync(path.join(dir, 'c.crt'), foreign.certPem);
  fs.writeFileSync(path.join(dir, 'c.key'), foreign.keyPem, { mode: 0o600 });
  keys.push(foreign.keyPem);
  const err = await failure(emu, discover(emu, { CONCERTO_CLIENT_CERT: path.join(dir, 'c.crt'), CONCERTO_CLIENT_KEY: path.join(dir, 'c.key') }));
  expect(err.message).toContain(`the server refused the client certificate ${path.join(dir, 'c.crt')} (from CONCERTO_CLIENT_CERT) (issued by CN=Foreign CA)`);
});

test('a CA file that did not sign the server certificate', async () => {
  const emu = await emulatorWith({});
  const dir = scratchDir('other-ca');
  fs.writeFileSync(path.join(dir, 'ca.pem'), (await createCertificateAuthority('CN=Unrelated CA')).certPem);
  const err = await failure(emu, discover(emu, { CONCERTO_CA_CERT: path.join(dir, 'ca.pem') }));
  expect(err.message).toContain(`the server certificate is not signed by the configured CA ${path.join(dir, 'ca.pem')} (from CONCERTO_CA_CERT)`);
});

test('no error message or request line of this suite holds key material', () => {
  expect(recorder.lines.length).toBeGreaterThan(5);
  expect(recorder.leaks(LeakRecorder.forbiddenFragments(keys, []))).toEqual([]);
});
