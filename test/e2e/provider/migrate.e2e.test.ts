// End-to-end: moving a stack from the terraform_data flavour to the provider without churn. The
// every-kind estate (firewall profile, VPC + subnet + VPN, scripts with an attachment, a cookbook,
// a template with boot and operational scripts, SSH profile, server with volume and floating IP,
// server array, SaaS account) is applied with `terraform_data` by the real terraform; the same
// program is synthesized with `flavour: 'provider', migrateFrom: 'terraform_data'` and applied:
// every object keeps its IMCO id, the journal shows no POST to a kind's collection and no DELETE
// (updates allowed), no provisioner resource is left in the state, and a plain
// `terraform plan -detailed-exitcode` afterwards exits 0.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { managedKinds } from '../../../lib/catalog';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';
import { apply, synthStack } from '../../support/stack';
import { terraformOk } from '../../support/terraform';
import { everyKindEstate, type EveryKindEstate } from '../support/every-kind-estate';
import { journalLength, planJson, writesFrom, type ResourceChange } from '../support/plan-json';

jest.setTimeout(400_000);

let emulator: TestEmulator;
let estate: EveryKindEstate;
beforeAll(async () => {
  emulator = await startTestEmulator();
  estate = everyKindEstate(emulator, 'E2E_MIGRATE');
});
afterAll(async () => {
  estate?.dispose();
  await emulator?.dispose();
});

/** `POST <a kind's collection>` (a create) for every managed kind, parents' ids as wildcards. */
const CREATES = managedKinds().map((k) => new RegExp(`^POST /v2${k.collectionPath.replace(/\{[^}]+\}/g, '[^/]+')}/?$`));

const idsByKind = (): string[] => emulator.userObjects().map((o) => `${o.kind} ${o.id}`).sort();

function stateTypes(stackDir: string): string[] {
  const state = JSON.parse(readFileSync(join(stackDir, 'terraform.tfstate'), 'utf8')) as { resources: { type: string }[] };
  return [...new Set(state.resources.map((r) => r.type))].sort();
}

test('terraform_data → provider: same IMCO ids, no create and no delete, an empty plan afterwards', async () => {
  const shape = { power: 'operational', arraySize: 2 } as const;
  const old = synthStack(emulator, estate.build(shape), { flavour: 'terraform_data', stackName: 'migrate' });
  await apply(old);
  const before = idsByKind();
  expect(before.length).toBeGreaterThanOrEqual(15);
  expect(stateTypes(old.stackDir)).toEqual(['terraform_data']);

  const moved = synthStack(emulator, estate.build(shape), { flavour: 'provider', stackName: 'migrate', outdir: old.outdir, settings: { migrateFrom: 'terraform_data' } });
  const synthesized = JSON.parse(readFileSync(join(moved.stackDir, 'cdk.tf.json'), 'utf8')) as {
    resource: Record<string, unknown>;
    moved: { from: string; to: string }[];
    removed: { from: string; lifecycle: { destroy: boolean } }[];
  };
  expect(Object.keys(synthesized.resource).every((t) => t.startsWith('imco_'))).toBe(true);
  expect(synthesized.moved).toContainEqual({ from: 'terraform_data.fw', to: 'imco_firewall_profile.fw' });
  expect(synthesized.moved).toContainEqual({ from: 'terraform_data.subnet', to: 'imco_subnet.subnet' });
  expect(synthesized.removed).toContainEqual({ from: 'terraform_data.fw_sync', lifecycle: { destroy: false } });
  expect(synthesized.removed).toContainEqual({ from: 'terraform_data.imco_prune', lifecycle: { destroy: false } });

  // The new provider needs an init; the plan moves every object, and neither creates nor deletes one.
  await terraformOk(moved.stackDir, ['init', '-input=false', '-no-color']);
  const mark = journalLength(emulator.journalPath);
  const { json, planFile } = await planJson(moved.stackDir);
  // `previous_address`: where a moved resource was (terraform show -json).
  const changes = (json.resource_changes ?? []) as (ResourceChange & { previous_address?: string })[];
  const objects = changes.filter((c) => c.address.startsWith('imco_') && !/^imco_(template_script|attachment)\./.test(c.address));
  expect(objects.length).toBe(synthesized.moved.length);
  for (const c of objects) {
    const summary = { address: c.address, previous: c.previous_address, actions: c.change.actions };
    expect(summary).toEqual({ address: c.address, previous: `terraform_data.${c.address.split('.')[1]}`, actions: expect.arrayContaining([expect.stringMatching(/^(no-op|update)$/)]) });
  }
  // Template scripts and attachments had no resource of their own: planned as creates, adopted by natural key at apply.
  // The provisioner resources are forgotten, never destroyed (no destroy-time provisioner runs).
  expect(changes.filter((c) => c.change.actions.includes('delete')).map((c) => c.address)).toEqual([]);

  const applied = await terraformOk(moved.stackDir, ['apply', '-auto-approve', '-input=false', '-no-color', planFile]);
  expect(applied.stdout).toMatch(/Apply complete! Resources: \d+ added, \d+ changed, 0 destroyed\./);
  const writes = writesFrom(emulator.journalPath, mark);
  expect(writes.filter((w) => w.startsWith('DELETE '))).toEqual([]);
  // Updates only (measured: the SSH key and SaaS account data re-sent, as their references are new to the state).
  expect(writes.filter((w) => !w.startsWith('PUT '))).toEqual([]);
  expect(writes.filter((w) => CREATES.some((re) => re.test(w)))).toEqual([]);
  expect(idsByKind()).toEqual(before);
  expect(stateTypes(moved.stackDir).filter((t) => !t.startsWith('imco_'))).toEqual([]);

  // Converged: a plain plan is empty (exit code 0, not 2).
  await terraformOk(moved.stackDir, ['plan', '-detailed-exitcode', '-input=false', '-no-color'], {}, [0]);
  estate.assertNoSecrets([applied.stdout, applied.stderr, readFileSync(join(moved.stackDir, 'terraform.tfstate'), 'utf8')]);
});
