// Synth validation as a person reads it once (issue 17 item 3): `node main.js` of an app with
// invalid constructs in two stacks prints every problem, one line each with the construct path, no
// stack trace and no cdktf "skipValidation" hint, and exits 1. A failed lookup is reported on the
// construct that uses its result. In-process, app.synth() throws one error listing them all.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { FirewallProfile, ImcoSettings, Subnet, Vpc } from '../../lib/constructs';
import { SynthProblems } from '../../lib/constructs/synth-problems';

const ROOT = join(__dirname, '..', '..');

/** An app as users write it: two stacks, three invalid constructs and a lookup that cannot be answered. */
const MAIN = `
const { App, TerraformStack } = require(${JSON.stringify(join(ROOT, 'node_modules', 'cdktf'))});
const { CloudAccount, FirewallProfile, ImcoSettings, Subnet, Vpc } = require(${JSON.stringify(join(ROOT, 'dist', 'lib', 'constructs'))});
const app = new App({ outdir: process.env.OUT });
const shop = new TerraformStack(app, 'shop');
new ImcoSettings(shop, 'imco', { endpoint: 'https://127.0.0.1:1/v2' });
const vpc = new Vpc(shop, 'vpc', { name: '', cidr: '10.0.0.0/16', cloudAccount: 'ca-1', realmProviderName: 'eu-west-1' });
new Subnet(shop, 'public', { vpc, name: 'pub', cidr: '10.9.0.0/24', type: 'only_public' });
const edge = new TerraformStack(app, 'edge');
new ImcoSettings(edge, 'imco', { endpoint: 'https://127.0.0.1:1/v2' });
new FirewallProfile(edge, 'fw', { name: 'fw', rules: [{ protocol: 'tcp', port: 70000, source: '0.0.0.0/0' }] });
new Vpc(edge, 'edge-vpc', { name: 'edge', cidr: '10.1.0.0/16', cloudAccount: CloudAccount.fromName(edge, 'no-such-account'), realmProviderName: 'eu-west-1' });
app.synth();
`;

test('node main.js: every problem of every stack, one line each with its construct path, no stack trace, exit 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'imco-synth-problems-'));
  writeFileSync(join(dir, 'main.js'), MAIN);
  const env: NodeJS.ProcessEnv = { ...process.env, OUT: join(dir, 'out'), IMCO_CONTEXT_FILE: join(dir, 'imco.context.json'), CONCERTO_CONFIG: join(dir, 'no-client.xml') };
  for (const name of ['CONCERTO_ENDPOINT', 'CONCERTO_CA_CERT', 'CONCERTO_CLIENT_CERT', 'CONCERTO_CLIENT_KEY', 'IMCO_CONTEXT']) delete env[name];
  const run = spawnSync(process.execPath, [join(dir, 'main.js')], { cwd: dir, env, encoding: 'utf8' });
  const out = `${run.stdout}${run.stderr}`;
  expect({ status: run.status, out }).toEqual({ status: 1, out: expect.stringContaining('synth found 4 problems in the app') });
  const lines = run.stderr.split('\n').filter((l) => l.startsWith('  '));
  expect(lines).toEqual([
    '  shop/vpc: name must not be empty',
    "  shop/public: cidr 10.9.0.0/24 is not inside its VPC 'vpc' (10.0.0.0/16); choose a block inside 10.0.0.0/16",
    '  edge/fw: rules[0].port must be a whole number between 0 and 65535, got 70000',
    expect.stringMatching(/^ {2}edge\/edge-vpc: lookup: cannot fetch cloud account 'no-such-account' from IMCO: .*Set CONCERTO_CA_CERT/),
  ]);
  expect(out).not.toMatch(/^ {4}at /m);
  expect(out).not.toContain('skipValidation');
  expect(out).not.toContain('Node.js v');
});

test('in-process: app.synth() throws one error listing every stack\'s problems; an app with skipValidation is left alone', () => {
  const build = (app: App) => {
    for (const name of ['one', 'two']) {
      const stack = new TerraformStack(app, name);
      new ImcoSettings(stack, 'imco', { endpoint: 'https://127.0.0.1:1/v2' });
      new Vpc(stack, 'vpc', { name: 'v', cidr: '10.0.0.0/16', cloudAccount: 'ca-1', realmProviderName: 'eu-west-1' });
      new Subnet(stack, 'net', { vpc: new Vpc(stack, 'other', { name: 'o', cidr: '10.1.0.0/16', cloudAccount: 'ca-1', realmProviderName: 'r' }), name: 'n', cidr: '10.2.0.0/24', type: 'only_public' });
      new FirewallProfile(stack, 'fw', { name: '', rules: [] });
    }
  };
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'imco-synth-problems-')) });
  build(app);
  const listeners = process.listenerCount('uncaughtException');
  let thrown: unknown;
  try {
    app.synth();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(SynthProblems);
  expect((thrown as SynthProblems).problems.map((p) => p.path)).toEqual(['one/net', 'one/fw', 'two/net', 'two/fw']);
  expect((thrown as Error).message.split('\n')[0]).toBe('synth found 4 problems in the app; fix them and synthesize again:');

  const lenient = new App({ outdir: mkdtempSync(join(tmpdir(), 'imco-synth-problems-')), skipValidation: true });
  build(lenient);
  expect(() => lenient.synth()).not.toThrow();
  // The uncaught-error reporter lasts one turn of the event loop only.
  return new Promise<void>((resolve) => setTimeout(resolve, 5)).then(() => expect(process.listenerCount('uncaughtException')).toBe(listeners));
});
