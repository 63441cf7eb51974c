// End-to-end (real terraform, emulator over mTLS): re-pointing a stack at its platform. After
// `/v2` → `/v3`, Terraform plans to replace every object; the first delete refuses and names
// `imco-bridge repoint`, which records the new endpoint in the state: then the apply updates in
// place, the destroy works, and the object was never re-created.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TerraformStack } from 'cdktf';
import { FirewallProfile } from '../../lib/constructs';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { synthStack } from '../support/stack';
import { terraform, terraformOk } from '../support/terraform';

jest.setTimeout(300_000);

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator?.dispose();
});

const profiles = () => (emulator.snapshot().firewall_profile ?? []).filter((p) => p.name === 'repoint-fw');
const build = (description: string) => (stack: TerraformStack) =>
  new FirewallProfile(stack, 'fw', { name: 'repoint-fw', description, rules: [{ protocol: 'tcp', port: 22, source: '10.0.0.0/8' }] });

test('/v2 → /v3: the replacing plan deletes nothing; imco-bridge repoint re-points the state, and nothing is re-created', async () => {
  const v2 = emulator.endpoint;
  expect(v2).toMatch(/\/v2$/);
  const stack = synthStack(emulator, build('one'), { stackName: 'repoint' });
  await terraformOk(stack.stackDir, ['init', '-no-color']);
  await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  const [created] = profiles();

  // The same platform through /v3: Terraform plans to replace the object; its delete refuses and
  // names the command, before anything is deleted.
  const v3 = v2.replace(/\/v2$/, '/v3');
  synthStack({ ...emulator, endpoint: v3 }, build('two'), { stackName: 'repoint', outdir: stack.outdir });
  const refused = await terraform(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  expect(refused.code).not.toBe(0);
  const message = `${refused.stdout}${refused.stderr}`.replace(/\s+/g, ' ');
  expect(message).toContain(`was created on ${v2}, and the stack now points at ${v3}, the same platform`);
  expect(message).toContain("Run 'imco-bridge repoint' in the stack directory");
  expect(profiles().map((p) => [p.id, p.description])).toEqual([[created.id, 'one']]);

  const bridge = join(__dirname, '..', '..', 'bin', 'imco-bridge.js');
  const env = {
    ...process.env,
    CONCERTO_ENDPOINT: v3,
    CONCERTO_CA_CERT: emulator.caCert,
    CONCERTO_CLIENT_CERT: emulator.clientCert,
    CONCERTO_CLIENT_KEY: emulator.clientKey,
    CHECKPOINT_DISABLE: '1',
  };
  const repointed = await promisify(execFile)(process.execPath, [bridge, 'repoint', '--stack', stack.stackDir], { env });
  expect(repointed.stdout).toContain(`now record ${v3}`);
  expect(repointed.stdout).toContain('1 of 1 labelled objects found there');

  // Nothing to replace any more: the apply updates the object in place through /v3.
  const applied = await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  expect(applied.stdout).not.toContain('must be replaced');
  expect(applied.stdout).not.toMatch(/terraform_data\.fw: Destroying/);
  expect(profiles().map((p) => [p.id, p.description])).toEqual([[created.id, 'two']]);
  await terraformOk(stack.stackDir, ['plan', '-detailed-exitcode', '-no-color']);
  await terraformOk(stack.stackDir, ['destroy', '-auto-approve', '-no-color']);
  expect(profiles()).toHaveLength(0);
});

test('repoint refuses an endpoint where none of the stack\'s objects exists', async () => {
  const stack = synthStack(emulator, build('x'), { stackName: 'repoint-empty' });
  await terraformOk(stack.stackDir, ['init', '-no-color']);
  await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  await terraformOk(stack.stackDir, ['destroy', '-auto-approve', '-no-color']);
  const bridge = join(__dirname, '..', '..', 'bin', 'imco-bridge.js');
  const env = { ...process.env, CONCERTO_ENDPOINT: emulator.endpoint, CONCERTO_CA_CERT: emulator.caCert, CONCERTO_CLIENT_CERT: emulator.clientCert, CONCERTO_CLIENT_KEY: emulator.clientKey };
  const run = promisify(execFile)(process.execPath, [bridge, 'repoint', '--stack', stack.stackDir], { env });
  await expect(run).rejects.toMatchObject({ stderr: expect.stringContaining("none of the stack's 1 labelled objects exists at") });
});
