// End-to-end (real terraform, emulator over mTLS): re-pointing a stack at its platform. `/v2` →
// `/v3` of the same platform plans no change and later applies update in place; another address
// (localhost instead of 127.0.0.1) is refused until `imco-bridge repoint` records it in the state,
// after which applies and the destroy work and nothing was re-created.
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

test('/v2 → /v3 replaces nothing; another address needs imco-bridge repoint, which re-creates nothing', async () => {
  const v2 = emulator.endpoint;
  expect(v2).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v2$/);
  const stack = synthStack(emulator, build('one'), { stackName: 'repoint' });
  await terraformOk(stack.stackDir, ['init', '-no-color']);
  await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  const [created] = profiles();

  // The same platform through /v3: no change planned; a change updates in place.
  const v3 = v2.replace(/\/v2$/, '/v3');
  synthStack({ ...emulator, endpoint: v3 }, build('one'), { stackName: 'repoint', outdir: stack.outdir });
  await terraformOk(stack.stackDir, ['plan', '-detailed-exitcode', '-no-color']);
  synthStack({ ...emulator, endpoint: v3 }, build('two'), { stackName: 'repoint', outdir: stack.outdir });
  const updated = await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  expect(updated.stdout).toMatch(/0 added, 0 changed, 0 destroyed|1 added, 0 changed, 1 destroyed/);
  expect(profiles().map((p) => [p.id, p.description])).toEqual([[created.id, 'two']]);

  // Another address of the same platform: the update refuses and names the command.
  const other = v2.replace('127.0.0.1', 'localhost');
  synthStack({ ...emulator, endpoint: other }, build('three'), { stackName: 'repoint', outdir: stack.outdir });
  const refused = await terraform(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  expect(refused.code).not.toBe(0);
  expect(`${refused.stdout}${refused.stderr}`.replace(/\s+/g, ' ')).toContain(`was created on ${v2}, and the stack now points at ${other}`);
  expect(`${refused.stdout}${refused.stderr}`.replace(/\s+/g, ' ')).toContain("run 'imco-bridge repoint'");

  const bridge = join(__dirname, '..', '..', 'bin', 'imco-bridge.js');
  const env = {
    ...process.env,
    CONCERTO_ENDPOINT: other,
    CONCERTO_CA_CERT: emulator.caCert,
    CONCERTO_CLIENT_CERT: emulator.clientCert,
    CONCERTO_CLIENT_KEY: emulator.clientKey,
    CHECKPOINT_DISABLE: '1',
  };
  const repointed = await promisify(execFile)(process.execPath, [bridge, 'repoint', '--stack', stack.stackDir], { env });
  expect(repointed.stdout).toContain(`now record ${other}`);
  expect(repointed.stdout).toContain('1 of 1 labelled objects found there');

  await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  expect(profiles().map((p) => [p.id, p.description])).toEqual([[created.id, 'three']]);
  await terraformOk(stack.stackDir, ['plan', '-detailed-exitcode', '-no-color']);
  await terraformOk(stack.stackDir, ['destroy', '-auto-approve', '-no-color']);
  expect(profiles()).toHaveLength(0);
});
