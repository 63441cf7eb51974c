// `imco-bridge export` on the command line: options checked before IMCO is asked, and an account
// the credentials cannot read (a client certificate the platform does not accept) as one line
// naming the account and where credentials come from, with nothing written.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../lib/cli/bridge';
import { parseExportArgs, runExport } from '../../lib/cli/export';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { withEnv } from '../support/env';
import { createTestPki, tempDir } from '../support/tls-fixtures';

jest.setTimeout(120_000);

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator?.dispose();
});

test('options: defaults, and each bad one named with what to give', () => {
  const args = parseExportArgs(['--out', 'x', '--kinds', 'vpc,subnet', '--name-filter=^shop', '--force']);
  expect(args).toMatchObject({ stack: 'imported', kinds: ['vpc', 'subnet'], force: true });
  expect(args.out.endsWith('/x')).toBe(true);
  expect(args.nameFilter!.test('shop-web')).toBe(true);
  expect(() => parseExportArgs(['--kinds', 'vpc,bucket'])).toThrow(/^--kinds: unknown kind\(s\) bucket; give some of firewall_profile, ssh_profile, .*cookbook_version, attachment$/);
  expect(() => parseExportArgs(['--name-filter', '('])).toThrow(/^--name-filter '\(' is not a regular expression/);
  expect(() => parseExportArgs(['--stack', 'my stack'])).toThrow("--stack 'my stack' is not a stack name: use letters, digits, '-' and '_'");
  expect(() => parseExportArgs(['--out'])).toThrow(/^--out needs a value; usage: imco-bridge export/);
  expect(() => parseExportArgs(['--dry-run'])).toThrow(/^unknown option --dry-run; usage: imco-bridge export/);
  expect(() => parseExportArgs(['extra'])).toThrow(/^unexpected argument 'extra'/);
});

test('credentials the account does not accept: one line, exit 1, no app written', async () => {
  const other = await createTestPki(tempDir('imco-export-pki-'));
  const out = join(mkdtempSync(join(tmpdir(), 'imco-export-cli-')), 'app');
  const stderr: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
  let code: number;
  try {
    code = await withEnv(
      { CONCERTO_ENDPOINT: emulator.endpoint, CONCERTO_CA_CERT: emulator.caCert, CONCERTO_CLIENT_CERT: other.client.certPath, CONCERTO_CLIENT_KEY: other.client.keyPath, CONCERTO_CONFIG: undefined },
      () => main(['export', '--out', out]),
    );
  } finally {
    spy.mockRestore();
  }
  expect(code).toBe(1);
  expect(stderr.join('').split('\n').filter(Boolean)).toHaveLength(1);
  expect(stderr.join('')).toMatch(new RegExp(`^imco-bridge export: cannot read the IMCO account at ${emulator.endpoint.replace(/[./]/g, '\\$&')}: .+ — check the credentials \\(CONCERTO_ENDPOINT, .*~/\\.concerto/client\\.xml\\)\\n$`));
  expect(existsSync(out)).toBe(false);
});

test('a non-empty --out directory is refused before IMCO is asked', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'imco-export-full-'));
  writeFileSync(join(dir, 'main.ts'), '// mine');
  await expect(runExport(['--out', dir], () => undefined)).rejects.toThrow(`${dir} is not empty: choose a new directory with --out, or pass --force`);
  expect(readFileSync(join(dir, 'main.ts'), 'utf8')).toBe('// mine');
});
