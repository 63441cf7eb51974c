// End-to-end drift: out-of-band changes are reported by `imco-bridge drift` (exit 2), shown by
// `terraform plan` with IMCO_DRIFT=plan and repaired by apply; a drift check costs one list call
// per kind and parent, counted from the emulator journal.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TerraformStack } from 'cdktf';
import { FirewallProfile, Script, SshProfile, Subnet, Vpc } from '../../lib/constructs';
import { ImcoClient } from '../../lib/client';
import type { EmulatorInfo } from '../../lib/emulator';
import { seedId } from '../../lib/emulator/ids';
import { apiOf } from '../../lib/handlers/client-api';
import { makeInvocationContext } from '../../lib/handlers/invocation-context';
import { runCreate } from '../../lib/handlers/reconcile';
import { readSynthesizedObjects } from '../../lib/handlers/stack-reader';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { startEmulatorProcess, type EmulatorProcess } from '../support/emulator-process';
import { seedsOf } from '../support/seeds';
import { apply, synthStack } from '../support/stack';
import { terraformOk } from '../support/terraform';

jest.setTimeout(300_000);

const BRIDGE = join(__dirname, '..', '..', 'bin', 'imco-bridge.js');
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator?.dispose();
});

function credentials(info: EmulatorInfo): Record<string, string> {
  return {
    CONCERTO_ENDPOINT: info.endpoint,
    CONCERTO_CA_CERT: info.caCert,
    CONCERTO_CLIENT_CERT: info.clientCert,
    CONCERTO_CLIENT_KEY: info.clientKey,
  };
}

async function runDrift(info: EmulatorInfo, stackDir: string, format: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, [BRIDGE, 'drift', '--stack', stackDir, '--format', format], {
      env: { ...process.env, ...credentials(info) },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function journalLength(): number {
  return readFileSync(emulator.journalPath, 'utf8').split('\n').filter(Boolean).length;
}

test('out-of-band changes: drift reports them, IMCO_DRIFT=plan shows them, apply repairs them', async () => {
  // Live synth calls IMCO synchronously: the emulator must run in its own process.
  const platform = await startEmulatorProcess();
  try {
    await outOfBand(platform);
  } finally {
    await platform.dispose();
  }
});

async function outOfBand(platform: EmulatorProcess): Promise<void> {
  const build = (stack: TerraformStack) => {
    new FirewallProfile(stack, 'fw', { name: 'drift-fw', description: 'declared', rules: [{ protocol: 'tcp', port: 443, source: '0.0.0.0/0' }] });
    new Vpc(stack, 'net', { name: 'drift-net', cidr: '10.60.0.0/16', cloudAccount: seedId('cloud_account:AWS-cloud_account-production'), realmProviderName: 'us-east-1' });
    new Script(stack, 'untouched', { name: 'drift-script', code: 'true' });
  };
  const drift = (dir: string, format: string) => runDrift(platform, dir, format);
  const stack = synthStack(platform, build, { stackName: 'drift' });
  await apply(stack);
  expect((await drift(stack.stackDir, 'text')).code).toBe(0);

  const fw = (await platform.request('GET', '/network/firewall_profiles')).json.find((p: { name: string }) => p.name === 'drift-fw');
  const vpc = (await platform.request('GET', '/network/vpcs')).json.find((v: { name: string }) => v.name === 'drift-net');
  expect((await platform.request('PUT', `/network/firewall_profiles/${fw.id}`, { body: { description: 'changed by hand' } })).status).toBe(200);
  expect((await platform.request('PUT', `/network/vpcs/${vpc.id}`, { body: { name: 'renamed-by-hand' } })).status).toBe(200);

  const report = await drift(stack.stackDir, 'json');
  expect(report.code).toBe(2);
  const drifted = (JSON.parse(report.stdout) as { objects: { path: string; status: string; fields: { field: string; desired: unknown; live: unknown }[] }[] }).objects.filter(
    (o) => o.status !== 'in_sync',
  );
  expect(drifted.map((o) => ({ path: o.path, fields: o.fields }))).toEqual([
    { path: 'fw', fields: [{ field: 'description', desired: 'declared', live: 'changed by hand' }] },
    { path: 'net', fields: [{ field: 'name', desired: 'drift-net', live: 'renamed-by-hand' }] },
  ]);
  const markdown = await drift(stack.stackDir, 'markdown');
  expect(markdown.code).toBe(2);
  // Construct path, kind, IMCO name and id (issue 17), then the field.
  expect(markdown.stdout).toContain(`| \`fw\` | firewall_profile | drift-fw | ${fw.id} | drifted | \`description\` | \`declared\` | \`changed by hand\` |`);

  // Live synth: the plan shows exactly the two drifted objects' _sync resources, apply repairs them.
  process.env.IMCO_DRIFT = 'plan';
  try {
    synthStack(platform, build, { stackName: 'drift', outdir: stack.outdir });
  } finally {
    delete process.env.IMCO_DRIFT;
  }
  const plan = await terraformOk(stack.stackDir, ['plan', '-no-color']);
  expect(plan.stdout).toMatch(/terraform_data\.fw_sync must be replaced/);
  expect(plan.stdout).toMatch(/terraform_data\.net_sync must be replaced/);
  expect(plan.stdout).toContain('Plan: 2 to add, 0 to change, 2 to destroy');
  await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  expect((await platform.request('GET', `/network/firewall_profiles/${fw.id}`)).json.description).toBe('declared');
  expect((await platform.request('GET', `/network/vpcs/${vpc.id}`)).json.name).toBe('drift-net');
  expect((await drift(stack.stackDir, 'text')).code).toBe(0);
  await terraformOk(stack.stackDir, ['destroy', '-auto-approve', '-no-color']);
}

test('a drift check of a 200-object stack costs at most 2 × (kinds + parents) API calls', async () => {
  const seeds = seedsOf(emulator);
  const vpcs = 10;
  const build = (stack: TerraformStack) => {
    for (let i = 0; i < 60; i++) new FirewallProfile(stack, `fw${i}`, { name: `big-fw-${i}` });
    for (let i = 0; i < 50; i++) new Script(stack, `script${i}`, { name: `big-script-${i}`, code: `echo ${i}` });
    for (let i = 0; i < 40; i++) new SshProfile(stack, `ssh${i}`, { name: `big-ssh-${i}`, publicKey: `ssh-ed25519 AAAAC3Nza key${i}@example` });
    for (let v = 0; v < vpcs; v++) {
      const vpc = new Vpc(stack, `vpc${v}`, { name: `big-vpc-${v}`, cidr: `10.${100 + v}.0.0/16`, cloudAccount: seeds.cloudAccountId, realmProviderName: seeds.realmProviderName });
      for (let n = 0; n < 4; n++) new Subnet(stack, `vpc${v}-sub${n}`, { vpc, name: `big-sub-${v}-${n}`, cidr: `10.${100 + v}.${n}.0/24`, type: 'only_private' });
    }
  };
  const stack = synthStack(emulator, build, { stackName: 'big' });
  // The 200 objects are created by the handlers' own create flow, in-process (Terraform would run
  // 400 provisioner processes; other tests cover that path).
  const specs = readSynthesizedObjects(stack.stackDir).map((o) => o.spec);
  expect(specs).toHaveLength(200);
  const client = new ImcoClient({ endpoint: emulator.endpoint, caCertPath: emulator.caCert, clientCertPath: emulator.clientCert, clientKeyPath: emulator.clientKey });
  const api = apiOf(client);
  const ordered = [...specs.filter((x) => x.kind !== 'subnet'), ...specs.filter((x) => x.kind === 'subnet')];
  for (let i = 0; i < ordered.length; i += 10) {
    await Promise.all(ordered.slice(i, i + 10).map((spec) => runCreate(makeInvocationContext(spec, api, () => undefined))));
  }
  client.close();

  const mark = journalLength();
  const result = await runDrift(emulator, stack.stackDir, 'text');
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('no drift: 200 objects in sync');
  const calls = journalLength() - mark;
  const kinds = 5; // firewall_profile, script, ssh_profile, vpc, subnet
  const parents = vpcs; // subnets are listed per VPC
  expect(calls).toBeLessThanOrEqual(2 * (kinds + parents));
});
