// End-to-end, provider flavour: a firewall profile without rules, created or adopted through an
// import block, whether its configuration says `rules = []` or leaves `rules` out, plans no update
// (an empty list and a left-out one mean the same, as real providers treat them; the export writes
// `rules: []` for such a profile), and the next plan is empty.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { terraformOk } from '../../support/terraform';
import { startHclProvider, type HclProvider } from '../support/hcl-provider';
import { journalFrom, journalLength, planJson } from '../support/plan-json';

jest.setTimeout(240_000);

let hcl: HclProvider;
beforeAll(async () => {
  hcl = await startHclProvider();
});
afterAll(async () => {
  await hcl?.emulator.dispose();
});

/** Two profiles without rules: `created` made by Terraform, `adopted` imported from `importId`. */
function mainTf(importId: string, names: { created: string; adopted: string }, body: string): string {
  return `${hcl.header()}
resource "imco_firewall_profile" "created" {
  name = "${names.created}"
  ${body}
}
import {
  to = imco_firewall_profile.adopted
  id = "${importId}"
}
resource "imco_firewall_profile" "adopted" {
  name = "${names.adopted}"
  ${body}
}
`;
}

/** A hand-made profile without rules, and a directory initialised with `main.tf` for it. */
async function setUp(name: string, description: string, main: (id: string) => string): Promise<{ dir: string; id: string }> {
  const made = await hcl.emulator.request('POST', '/network/firewall_profiles', { body: { name, ...(description ? { description } : {}) } });
  expect(made.status).toBeLessThan(300);
  const dir = mkdtempSync(join(tmpdir(), 'imco-empty-list-'));
  writeFileSync(join(dir, 'main.tf'), main(String(made.json.id)));
  await terraformOk(dir, ['init', '-input=false', '-no-color', `-plugin-dir=${hcl.mirror}`]);
  return { dir, id: String(made.json.id) };
}

/** The first plan: one create, one pure import (no update of `rules`), applied; then the plan is empty. */
async function createAndAdopt(dir: string): Promise<void> {
  const first = await planJson(dir);
  const actions = Object.fromEntries(first.json.resource_changes!.map((rc) => [rc.address, [rc.change.actions, Boolean(rc.change.importing)]]));
  expect(actions).toEqual({
    'imco_firewall_profile.created': [['create'], false],
    'imco_firewall_profile.adopted': [['no-op'], true],
  });
  const mark = journalLength(hcl.emulator.journalPath);
  await terraformOk(dir, ['apply', '-auto-approve', '-no-color', first.planFile]);
  // One profile created, none replaced or deleted.
  const writes = journalFrom(hcl.emulator.journalPath, mark).filter((e) => e.method !== 'GET' && (/^\/v2\/network\/firewall_profiles\/?$/.test(e.path) || e.method === 'DELETE'));
  expect(writes.map((e) => e.method)).toEqual(['POST']);
  await terraformOk(dir, ['plan', '-detailed-exitcode', '-no-color'], {}, [0]);
}

test('rules = [] (as the export writes it, with the owner in the import id): create and import plan no update', async () => {
  const names = { created: 'no-rules-created', adopted: 'no-rules-by-hand' };
  const { dir, id } = await setUp(names.adopted, '', (made) =>
    mainTf(`${made}?owner=empty.adopted`, names, 'description = ""\n  rules       = []').replace(`name = "${names.adopted}"`, `name = "${names.adopted}"\n  owner = "empty.adopted"`),
  );
  await createAndAdopt(dir);
  const state = JSON.parse((await terraformOk(dir, ['show', '-json', '-no-color'])).stdout) as {
    values: { root_module: { resources: { address: string; values: { id: string; rules: unknown } }[] } };
  };
  expect(state.values.root_module.resources.map((r) => [r.address, r.values.rules])).toEqual([
    ['imco_firewall_profile.adopted', []],
    ['imco_firewall_profile.created', []],
  ]);
  expect(state.values.root_module.resources[0].values.id).toBe(id);
  await terraformOk(dir, ['destroy', '-auto-approve', '-no-color']);
});

test('rules left out, then written as []: the same empty list, so no plan ever shows an update', async () => {
  // (description given: an optional string left out against IMCO's "" is another matter.)
  const names = { created: 'omitted-created', adopted: 'omitted-by-hand' };
  const { dir, id } = await setUp(names.adopted, 'console', (made) => mainTf(made, names, 'description = "console"'));
  await createAndAdopt(dir);
  writeFileSync(join(dir, 'main.tf'), mainTf(id, names, 'description = "console"\n  rules       = []'));
  await terraformOk(dir, ['plan', '-detailed-exitcode', '-no-color'], {}, [0]);
  await terraformOk(dir, ['destroy', '-auto-approve', '-no-color']);
});
