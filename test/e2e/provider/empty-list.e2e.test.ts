// End-to-end, provider flavour: a list attribute configured empty (`rules = []` of a firewall profile
// without rules) reads back as the same empty list, so Terraform plans no change after the create
// and none after adopting a hand-made profile without rules through an import block — as real
// providers treat an empty list (the export writes `rules: []` for such a profile).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';
import { terraformOk } from '../../support/terraform';
import { journalFrom, journalLength, planJson } from '../support/plan-json';

jest.setTimeout(240_000);

const ROOT = join(__dirname, '..', '..', '..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

let emulator: TestEmulator;
let mirror: string;
beforeAll(async () => {
  emulator = await startTestEmulator();
  mirror = mkdtempSync(join(tmpdir(), 'imco-mirror-'));
  execFileSync(process.execPath, [join(ROOT, 'bin', 'imco-bridge.js'), 'provider', 'mirror', mirror], { stdio: 'pipe' });
});
afterAll(async () => {
  await emulator?.dispose();
});

function mainTf(importId: string): string {
  return `
terraform {
  required_providers {
    imco = { source = "imco/imco", version = "${VERSION}" }
  }
}
provider "imco" {
  endpoint         = "${emulator.endpoint}"
  ca_cert_path     = "${emulator.caCert}"
  client_cert_path = "${emulator.clientCert}"
  client_key_path  = "${emulator.clientKey}"
}
resource "imco_firewall_profile" "created" {
  name  = "no-rules-created"
  rules = []
}
import {
  to = imco_firewall_profile.adopted
  id = "${importId}?owner=empty.adopted"
}
resource "imco_firewall_profile" "adopted" {
  name        = "no-rules-by-hand"
  description = ""
  owner       = "empty.adopted"
  rules       = []
}
`;
}

test('rules = []: the create and the import of a profile without rules plan no update, then the plan is empty', async () => {
  const made = await emulator.request('POST', '/network/firewall_profiles', { body: { name: 'no-rules-by-hand' } });
  expect(made.status).toBeLessThan(300);
  const dir = mkdtempSync(join(tmpdir(), 'imco-empty-list-'));
  writeFileSync(join(dir, 'main.tf'), mainTf(String(made.json.id)));
  await terraformOk(dir, ['init', '-input=false', '-no-color', `-plugin-dir=${mirror}`]);

  const first = await planJson(dir);
  const actions = Object.fromEntries(first.json.resource_changes!.map((rc) => [rc.address, [rc.change.actions, Boolean(rc.change.importing)]]));
  expect(actions).toEqual({
    'imco_firewall_profile.created': [['create'], false],
    'imco_firewall_profile.adopted': [['no-op'], true],
  });
  const mark = journalLength(emulator.journalPath);
  await terraformOk(dir, ['apply', '-auto-approve', '-no-color', first.planFile]);
  // One profile created, none replaced or deleted.
  const profileWrites = journalFrom(emulator.journalPath, mark).filter((e) => /^\/v2\/network\/firewall_profiles\/?$/.test(e.path) || e.method === 'DELETE');
  expect(profileWrites.map((e) => e.method).filter((m) => m !== 'GET')).toEqual(['POST']);

  // Refreshed from IMCO, both read back `rules = []`: nothing to change.
  await terraformOk(dir, ['plan', '-detailed-exitcode', '-no-color'], {}, [0]);
  const state = JSON.parse((await terraformOk(dir, ['show', '-json', '-no-color'])).stdout) as {
    values: { root_module: { resources: { address: string; values: { rules: unknown } }[] } };
  };
  expect(state.values.root_module.resources.map((r) => [r.address, r.values.rules])).toEqual([
    ['imco_firewall_profile.adopted', []],
    ['imco_firewall_profile.created', []],
  ]);
  await terraformOk(dir, ['destroy', '-auto-approve', '-no-color']);
});

test('rules left out, then written as []: the same empty list, so no plan ever shows an update', async () => {
  // (description given: an optional string left out against IMCO's "" is another matter.)
  const made = await emulator.request('POST', '/network/firewall_profiles', { body: { name: 'omitted-by-hand', description: 'console' } });
  const dir = mkdtempSync(join(tmpdir(), 'imco-empty-list-'));
  const tf = (rules: string) => `${mainTf(String(made.json.id)).split('resource "imco_firewall_profile" "created"')[0]}
resource "imco_firewall_profile" "created" {
  name        = "omitted-created"
  description = "console"
  ${rules}
}
import {
  to = imco_firewall_profile.adopted
  id = "${String(made.json.id)}"
}
resource "imco_firewall_profile" "adopted" {
  name        = "omitted-by-hand"
  description = "console"
  ${rules}
}
`;
  writeFileSync(join(dir, 'main.tf'), tf(''));
  await terraformOk(dir, ['init', '-input=false', '-no-color', `-plugin-dir=${mirror}`]);
  const first = await planJson(dir);
  const actions = Object.fromEntries(first.json.resource_changes!.map((rc) => [rc.address, [rc.change.actions, Boolean(rc.change.importing)]]));
  expect(actions).toEqual({
    'imco_firewall_profile.created': [['create'], false],
    'imco_firewall_profile.adopted': [['no-op'], true],
  });
  await terraformOk(dir, ['apply', '-auto-approve', '-no-color', first.planFile]);
  await terraformOk(dir, ['plan', '-detailed-exitcode', '-no-color'], {}, [0]);
  writeFileSync(join(dir, 'main.tf'), tf('rules = []'));
  await terraformOk(dir, ['plan', '-detailed-exitcode', '-no-color'], {}, [0]);
  await terraformOk(dir, ['destroy', '-auto-approve', '-no-color']);
});
