// End-to-end: imco-cdktf used as a library from another repository, with the CDKTF CLI. `npm pack`
// (dist/ is built by the test set-up; the pack runs no script, since prepack's clean rebuild would
// pull dist/ from under suites running beside this one) → `imco-bridge init` a fresh directory that
// depends on the tarball → `npm install` (one copy of cdktf and of constructs) → cdktf-cli 0.21.0
// (this repository's dev dependency) `synth`, `deploy --auto-approve`, `diff` (no changes) and
// `destroy --auto-approve` against the emulator, whose credentials the app finds like `cio` does.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { emptyCliConfig } from '../support/terraform';

jest.setTimeout(300_000);

const ROOT = join(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'imco-library-e2e-'));
const app = join(work, 'shop');
let emulator: TestEmulator;

interface Run {
  readonly code: number | null;
  readonly out: string;
}

/** The environment of a user's shell: none of this test run's npm, IMCO, CONCERTO or CDKTF settings. */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(npm_|IMCO_|CONCERTO_|CDKTF_|TF_|JEST_)/i.test(k)) env[k] = v;
  return { ...env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: emptyCliConfig(), CI: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

function run(cmd: string, args: string[], cwd: string, env = userEnv()): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out: out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '') }));
  });
}

async function ok(cmd: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv): Promise<string> {
  const r = await run(cmd, args, cwd, env);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${String(r.code)}:\n${r.out.slice(-6000)}`);
  return r.out;
}

/** The app's own cdktf-cli (a dev dependency of the scaffold), with the emulator's endpoint and credentials discovered from its client.xml. */
const cdktf = (...args: string[]): Promise<string> => ok(join(app, 'node_modules', '.bin', 'cdktf'), args, app, userEnv({ CONCERTO_CONFIG: emulator.clientXml }));

async function names(path: string): Promise<string[]> {
  const res = await emulator.request('GET', path);
  expect(res.status).toBe(200);
  return (res.json as { name: string }[]).map((o) => o.name);
}

beforeAll(async () => {
  emulator = await startTestEmulator();
});

afterAll(async () => {
  await emulator?.dispose();
  rmSync(work, { recursive: true, force: true });
});

describe('imco-cdktf from another repository, with the cdktf CLI', () => {
  it('packs, scaffolds, installs with one copy of cdktf and constructs, and synth/deploy/diff/destroy work', async () => {
    // npm pack: the tarball the app installs.
    await ok('npm', ['pack', '--ignore-scripts', '--pack-destination', work], ROOT, userEnv());
    const tarball = readdirSync(work).find((f) => /^imco-cdktf-.*\.tgz$/.test(f));
    expect(tarball).toBeDefined();

    // imco-bridge init, the package's own command.
    await ok('node', [join(ROOT, 'bin', 'imco-bridge.js'), 'init', app, `--imco-cdktf=file:${join(work, tarball!)}`], work);
    await ok('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], app);
    const copies = (await ok('npm', ['ls', 'cdktf', 'constructs', '--all', '--parseable'], app))
      .split('\n')
      .filter((p) => /node_modules\/(cdktf|constructs)$/.test(p));
    expect(copies.sort()).toEqual([join(app, 'node_modules', 'cdktf'), join(app, 'node_modules', 'constructs')]);
    // The tarball's package: built, and nothing of this repository's tests.
    const installed = join(app, 'node_modules', 'imco-cdktf');
    expect(readdirSync(installed).sort()).toEqual(['LICENSE', 'README.md', 'bin', 'dist', 'package.json']);

    // cdktf synth: the lookups resolved into the app's imco.context.json, an identity made beside it.
    await cdktf('synth');
    const doc = JSON.parse(readFileSync(join(app, 'cdktf.out', 'stacks', 'shop', 'cdk.tf.json'), 'utf8')) as { resource: Record<string, unknown> };
    expect(Object.keys(doc.resource).sort()).toEqual(['imco_firewall_profile', 'imco_vpc']);
    expect(Object.keys(JSON.parse(readFileSync(join(app, 'imco.context.json'), 'utf8')).lookups).sort()).toEqual([
      'cloud_account:name=AWS-cloud_account-production',
      'realm:cloudProvider=AWS;name=US East (N. Virginia)',
    ]);
    expect(JSON.parse(readFileSync(join(app, 'imco.identity.json'), 'utf8')).instance).toMatch(/^[0-9a-f]{16}$/);

    // cdktf deploy: both objects exist in IMCO.
    expect(await cdktf('deploy', '--auto-approve')).toMatch(/Apply complete! Resources: 2 added, 0 changed, 0 destroyed/);
    expect(await names('/network/vpcs')).toContain('shop');
    expect(await names('/network/firewall_profiles')).toContain('shop-web');

    // cdktf diff: nothing to change.
    expect(await cdktf('diff')).toMatch(/No changes\. Your infrastructure matches the configuration/);

    // cdktf destroy: both gone.
    expect(await cdktf('destroy', '--auto-approve')).toMatch(/Destroy complete! Resources: 2 destroyed/);
    expect(await names('/network/vpcs')).not.toContain('shop');
    expect(await names('/network/firewall_profiles')).not.toContain('shop-web');
  });

  it("the package's commands run from the app's node_modules/.bin, not through npm's npx cache", async () => {
    const cache = mkdtempSync(join(work, 'npm-cache-'));
    const out = await ok('npx', ['imco-emulator', '--help'], app, userEnv({ npm_config_cache: cache, npm_config_offline: 'true' }));
    expect(out).toMatch(/^usage: imco-emulator/);
    expect(readdirSync(cache)).not.toContain('_npx');
    expect(await ok('npx', ['imco-bridge', 'help'], app, userEnv({ npm_config_cache: cache, npm_config_offline: 'true' }))).toMatch(/init DIR/);
    expect(readdirSync(cache)).not.toContain('_npx');
  });

  it('init refuses the app directory now that it has files, naming --force', async () => {
    writeFileSync(join(app, 'notes.txt'), 'mine');
    const r = await run('node', [join(ROOT, 'bin', 'imco-bridge.js'), 'init', app], work);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/is not empty: .*--force/);
  });
});
