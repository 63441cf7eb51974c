// End-to-end, provider flavour: one of every IMCO kind is created from empty by the real terraform
// binary through terraform-provider-imco (installed from the stack's own plugin mirror, no flags,
// no network); a no-op plan is empty and writes nothing; power state and array size change in
// place; no secret value reaches the plan file, the state, cdk.tf.json or Terraform's log.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';
import { synthStack } from '../../support/stack';
import { terraformOk } from '../../support/terraform';
import { ESTATE_COUNTS, everyKindEstate, type EveryKindEstate } from '../support/every-kind-estate';
import { changedActions, journalLength, planJson, writesFrom } from '../support/plan-json';

jest.setTimeout(300_000);

let emulator: TestEmulator;
let estate: EveryKindEstate;
beforeAll(async () => {
  emulator = await startTestEmulator();
  estate = everyKindEstate(emulator, 'E2E_PROVIDER');
});
afterAll(async () => {
  estate?.dispose();
  await emulator?.dispose();
});

test('one of every kind with the provider: create, empty no-op plan, in-place power and size, no secrets, destroy', async () => {
  const stack = synthStack(emulator, estate.build({ power: 'operational', arraySize: 2 }), { flavour: 'provider', stackName: 'every' });
  const synthesized = readFileSync(join(stack.stackDir, 'cdk.tf.json'), 'utf8');
  const types = Object.keys((JSON.parse(synthesized) as { resource: Record<string, unknown> }).resource);
  expect(types.every((t) => t.startsWith('imco_'))).toBe(true);
  expect(synthesized).not.toContain('terraform_data');

  const log = join(stack.stackDir, 'terraform.log');
  const logEnv = { env: { TF_LOG: 'DEBUG', TF_LOG_PATH: log } };
  await terraformOk(stack.stackDir, ['init', '-input=false', '-no-color']);
  const first = await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-input=false', '-no-color'], logEnv);
  expect(first.stdout).toContain('Apply complete!');
  const mine = (kind: string) => emulator.userObjects().filter((o) => o.kind === kind);
  for (const [kind, n] of Object.entries(ESTATE_COUNTS)) expect({ kind, n: mine(kind).length }).toEqual({ kind, n });
  const s = emulator.snapshot();
  const db = s.server.find((x) => x.name === 'db')!;
  const web = s.server_array.find((x) => x.name === 'web')!;
  expect(db.state).toBe('operational');
  expect(web.size).toBe(2);
  expect(s.volume.find((v) => v.name === 'data')!.attached_server_id).toBe(db.id);
  expect(s.floating_ip.find((v) => v.name === 'db-ip')!.attached_server_id).toBe(db.id);
  expect(s.template.find((t) => t.name === 'web')!.state).toBe('ready');

  // A plain plan afterwards is empty and writes nothing; so is a no-op apply.
  const mark = journalLength(emulator.journalPath);
  await terraformOk(stack.stackDir, ['plan', '-detailed-exitcode', '-no-color'], {}, [0]);
  const noop = await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color']);
  expect(noop.stdout).toContain('0 added, 0 changed, 0 destroyed');
  expect(writesFrom(emulator.journalPath, mark)).toEqual([]);

  // Declared inactive and 3 members: both are in-place updates, with the actions IMCO needs.
  synthStack(emulator, estate.build({ power: 'inactive', arraySize: 3 }), { flavour: 'provider', stackName: 'every', outdir: stack.outdir });
  const { json, planFile } = await planJson(stack.stackDir, [], logEnv);
  const changed = changedActions(json);
  expect(Object.values(changed)).toEqual([['update'], ['update']]);
  expect(Object.keys(changed).sort()).toEqual([expect.stringMatching(/^imco_server\./), expect.stringMatching(/^imco_server_array\./)]);
  const mark2 = journalLength(emulator.journalPath);
  const second = await terraformOk(stack.stackDir, ['apply', '-auto-approve', '-no-color', planFile], logEnv);
  const s2 = emulator.snapshot();
  expect(s2.server.find((x) => x.id === db.id)!.state).toBe('inactive');
  expect(s2.server_array.find((x) => x.id === web.id)!.size).toBe(3);
  const writes = writesFrom(emulator.journalPath, mark2);
  expect(writes).toContain(`PUT /v2/cloud/servers/${db.id}/shutdown`);
  expect(writes).toContain(`POST /v2/cloud/server_arrays/${web.id}/servers`);
  expect(writes.filter((w) => /^POST \/v2\/cloud\/servers\/?$/.test(w))).toEqual([]);

  const plan = await terraformOk(stack.stackDir, ['show', '-json', planFile]);
  const stateFiles = readdirSync(stack.stackDir).filter((f) => f.includes('tfstate')).map((f) => readFileSync(join(stack.stackDir, f), 'utf8'));
  estate.assertNoSecrets([
    ...stateFiles, synthesized, plan.stdout, readFileSync(planFile, 'latin1'), readFileSync(log, 'utf8'),
    first.stdout, first.stderr, second.stdout, second.stderr, readFileSync(emulator.journalPath, 'utf8'),
  ]);

  const destroyed = await terraformOk(stack.stackDir, ['destroy', '-auto-approve', '-no-color']);
  estate.assertNoSecrets([destroyed.stdout, destroyed.stderr]);
  expect(emulator.userObjects()).toEqual([]);
});
