// End-to-end actions: a server's reboot trigger and operational-script executions do not run when
// the server is created, and run exactly once each time their trigger changes in a later apply.
import { readFileSync } from 'node:fs';
import type { TerraformStack } from 'cdktf';
import { FirewallProfile, Script, Server, SshProfile, Template } from '../../lib/constructs';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { seedsOf } from '../support/seeds';
import { apply, synthStack } from '../support/stack';
import { terraformOk } from '../support/terraform';

jest.setTimeout(240_000);

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator?.dispose();
});

function writesSince(mark: number): string[] {
  return readFileSync(emulator.journalPath, 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(mark)
    .map((l) => JSON.parse(l) as { method: string; path: string })
    .filter((e) => e.method !== 'GET')
    .map((e) => `${e.method} ${e.path}`);
}

const journalLength = () => readFileSync(emulator.journalPath, 'utf8').split('\n').filter(Boolean).length;

test('reboot and script executions run on trigger changes, not on creation', async () => {
  const seeds = seedsOf(emulator);
  const build = (reboot: string, execution: string) => (stack: TerraformStack) => {
    const ops = new Script(stack, 'ops', { name: 'act-ops', code: 'systemctl restart app' });
    const template = new Template(stack, 'tpl', { name: 'act-tpl', genericImage: seeds.genericImageId, operationalScripts: [{ script: ops }] });
    const fw = new FirewallProfile(stack, 'fw', { name: 'act-fw' });
    const ssh = new SshProfile(stack, 'ssh', { name: 'act-ssh', publicKey: 'ssh-ed25519 AAAAC3Nza act@example' });
    new Server(stack, 'app', {
      name: 'act-app', template, serverPlan: seeds.serverPlanId, cloudAccount: seeds.cloudAccountId, sshProfile: ssh, firewallProfile: fw,
      rebootTrigger: reboot, scriptExecutions: [{ script: ops, trigger: execution }],
    });
  };
  const stack = synthStack(emulator, build('v1', 'a'), { stackName: 'actions' });
  let mark = journalLength();
  await apply(stack);
  const server = emulator.snapshot().server.find((s) => s.name === 'act-app')!;
  expect(server.state).toBe('operational');
  const reboot = `PUT /v2/cloud/servers/${server.id}/reboot`;
  const isExecute = (w: string) => w.startsWith(`PUT /v2/cloud/servers/${server.id}/operational_scripts/`) && w.endsWith('/execute');
  let writes = writesSince(mark);
  expect(writes).not.toContain(reboot);
  expect(writes.filter(isExecute)).toEqual([]);

  synthStack(emulator, build('v2', 'a'), { stackName: 'actions', outdir: stack.outdir });
  mark = journalLength();
  await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  writes = writesSince(mark);
  expect(writes.filter((w) => w === reboot)).toHaveLength(1);
  expect(writes.filter(isExecute)).toEqual([]);

  synthStack(emulator, build('v2', 'b'), { stackName: 'actions', outdir: stack.outdir });
  mark = journalLength();
  await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  writes = writesSince(mark);
  expect(writes).not.toContain(reboot);
  expect(writes.filter(isExecute)).toHaveLength(1);
  expect(emulator.snapshot().server.find((s) => s.id === server.id)!.state).toBe('operational');

  await terraformOk(stack.stackDir, ['destroy', '-auto-approve', '-no-color']);
  expect(emulator.userObjects()).toEqual([]);
});
