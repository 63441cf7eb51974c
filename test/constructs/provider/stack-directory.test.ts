// The synthesized stack directory of the provider flavour: the provider laid out beside cdk.tf.json
// as the implied mirror terraform.d/plugins/ (so a plain `terraform init` there installs imco/imco
// with no flags and no network — run with the real terraform binary), layoutMirror's layout, and no
// secret value anywhere in the output. When dist/provider/terraform-provider-imco.js has not been
// built, a stand-in file is put there for the duration of this file (and removed afterwards).
import { randomBytes } from 'node:crypto';
import {
  existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { FirewallProfile, ImcoSettings, Secret, Vpc } from '../../../lib/constructs';
import { layoutMirror } from '../../../lib/provider/mirror';
import { fakeOpensshPrivateKey } from '../../support/fake-keys';
import { terraform } from '../../support/terraform';
import { buildEveryKind, withEnv } from '../helpers';

const ROOT = join(__dirname, '..', '..', '..');
const BUNDLE = join(ROOT, 'dist', 'provider', 'terraform-provider-imco.js');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const PLATFORM = `${{ win32: 'windows' }[process.platform as 'win32'] ?? process.platform}_${{ x64: 'amd64', ia32: '386' }[process.arch as 'x64'] ?? process.arch}`;
const MIRROR_PATH = join('registry.terraform.io', 'imco', 'imco', VERSION, PLATFORM, `terraform-provider-imco_v${VERSION}`);

const temporary: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

let standIn: { file: string; createdDir?: string } | undefined;
beforeAll(() => {
  if (existsSync(BUNDLE)) return;
  const dir = dirname(BUNDLE);
  standIn = { file: BUNDLE, createdDir: existsSync(dir) ? undefined : dir };
  mkdirSync(dir, { recursive: true });
  writeFileSync(BUNDLE, `#!/usr/bin/env node\n// stand-in for the provider bundle (test ${randomBytes(4).toString('hex')})\nprocess.exit(1);\n`);
});
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  if (!standIn) return;
  rmSync(standIn.file, { force: true });
  if (standIn.createdDir) rmSync(standIn.createdDir, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Synthesizes a provider-flavour app with one stack `shop` into a fresh directory. */
function synthApp(build: (stack: TerraformStack) => void, outdir = tempDir('imco-provider-synth-')): string {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'shop');
  new ImcoSettings(stack, 'imco', { flavour: 'provider', endpoint: 'https://imco.test:886' });
  build(stack);
  app.synth();
  return join(outdir, 'stacks', 'shop');
}

describe('layoutMirror', () => {
  test('writes the bundle as DIR/registry.terraform.io/imco/imco/<version>/<os>_<arch>/terraform-provider-imco_v<version>, executable', () => {
    const dir = tempDir('imco-mirror-');
    const { providerFile, version } = layoutMirror(dir);
    expect(version).toBe(VERSION);
    expect(providerFile).toBe(join(dir, MIRROR_PATH));
    expect(readFileSync(providerFile)).toEqual(readFileSync(BUNDLE));
    expect(statSync(providerFile).mode & 0o111).toBe(0o111);
  });
});

describe('the synthesized stack directory', () => {
  test('has the provider in terraform.d/plugins/ beside cdk.tf.json; older versions of ours are cleared', () => {
    const outdir = tempDir('imco-provider-synth-');
    const stackDir = synthApp((stack) => new FirewallProfile(stack, 'fw', { name: 'fw' }), outdir);
    expect(existsSync(join(stackDir, 'cdk.tf.json'))).toBe(true);
    const installed = join(stackDir, 'terraform.d', 'plugins', MIRROR_PATH);
    expect(readFileSync(installed)).toEqual(readFileSync(BUNDLE));
    expect(statSync(installed).mode & 0o111).toBe(0o111);

    const stale = join(stackDir, 'terraform.d', 'plugins', 'registry.terraform.io', 'imco', 'imco', '0.0.1');
    mkdirSync(stale, { recursive: true });
    synthApp((stack) => new FirewallProfile(stack, 'fw', { name: 'fw' }), outdir);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(installed)).toBe(true);
  });

  test('plain `terraform init` in the stack directory installs imco/imco from it (no flags, no registry)', async () => {
    const stackDir = synthApp((stack) => {
      new Vpc(stack, 'net', { name: 'net', cidr: '10.0.0.0/16', cloudAccount: 'ca', realmProviderName: 'r' });
    });
    const init = await terraform(stackDir, ['init', '-input=false', '-no-color']);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain(`Installing imco/imco v${VERSION}`);
    const lock = readFileSync(join(stackDir, '.terraform.lock.hcl'), 'utf8');
    expect(lock).toContain('provider "registry.terraform.io/imco/imco"');
    expect(lock).toContain(`version     = "${VERSION}"`);
  }, 60_000);

  test('no secret value anywhere in the output directory: only env/file references and fingerprints', () => {
    const psk = `psk-${randomBytes(16).toString('hex')}`;
    const privateKey = fakeOpensshPrivateKey().pem;
    const licence = randomBytes(20).toString('hex');
    const keyFile = join(tempDir('imco-secrets-'), 'id_ed25519');
    writeFileSync(keyFile, privateKey, { mode: 0o600 });
    const stackDir = withEnv({ LEAK_PSK: psk, LEAK_DATA: JSON.stringify({ license_key: licence }) }, () =>
      synthApp((stack) =>
        buildEveryKind(stack, {
          psk: Secret.fromEnv('LEAK_PSK'),
          privateKey: Secret.fromFile(keyFile),
          accountData: Secret.fromEnv('LEAK_DATA', { format: 'json' }),
        }),
      ),
    );
    const outdir = join(stackDir, '..', '..');
    const everything = filesUnder(outdir).map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const secret of [psk, privateKey, licence, privateKey.split('\n')[1]]) {
      for (const form of [secret, JSON.stringify(secret).slice(1, -1), Buffer.from(secret).toString('base64')]) expect(everything).not.toContain(form);
    }
    const doc = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8'));
    expect(doc.resource.imco_ssh_profile['ops-keys']).toEqual(
      expect.objectContaining({ private_key_file: keyFile, private_key_version: expect.stringMatching(/^scrypt-hmac:[0-9a-f]{32}$/) }),
    );
    expect(doc.resource.imco_vpn.network_vpn.psk_env).toBe('LEAK_PSK');
  });
});
