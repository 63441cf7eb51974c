// End-to-end, provider flavour without constructs: HCL written by hand installs the provider with
// `terraform init -plugin-dir` from `imco-bridge provider mirror`, applies, plans empty, adopts a
// hand-made object through an `import` block and writes usable HCL with `-generate-config-out`.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestEmulator } from '../../support/emulator';
import { terraformOk } from '../../support/terraform';
import { PROVIDER_VERSION as VERSION, startHclProvider } from '../support/hcl-provider';
import { actionsOfType, journalFrom, journalLength, planJson } from '../support/plan-json';

jest.setTimeout(240_000);

let emulator: TestEmulator;
let mirror: string;
let header: () => string;
beforeAll(async () => {
  ({ emulator, mirror, header } = await startHclProvider());
});
afterAll(async () => {
  await emulator?.dispose();
});

test('the mirror lays out one executable file in the registry layout', () => {
  const platform = `${process.platform}_${process.arch === 'x64' ? 'amd64' : process.arch}`;
  const file = join(mirror, 'registry.terraform.io', 'imco', 'imco', VERSION, platform, `terraform-provider-imco_v${VERSION}`);
  expect(existsSync(file)).toBe(true);
  expect(readFileSync(file, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
});

test('hand-written HCL: init -plugin-dir, apply, empty plan, import block, generated config', async () => {
  const account = String(emulator.snapshot().cloud_account[0].id);
  const made = await emulator.request('POST', '/network/firewall_profiles', {
    body: { name: 'made-by-hand', description: 'console', rules: [{ ip_protocol: 'tcp', min_port: 22, max_port: 22, source: '10.0.0.0/8' }] },
  });
  expect(made.status).toBeLessThan(300);
  const dir = mkdtempSync(join(tmpdir(), 'imco-hcl-'));
  writeFileSync(join(dir, 'main.tf'), `${header()}
resource "imco_firewall_profile" "web" {
  name        = "hcl-web"
  description = "written by hand"
  rules = [{ ip_protocol = "tcp", min_port = 443, max_port = 443, source = "0.0.0.0/0" }]
}
resource "imco_vpc" "net" {
  name                = "hcl-net"
  cidr                = "10.90.0.0/16"
  cloud_account_id    = "${account}"
  realm_provider_name = "us-east-1"
}
resource "imco_subnet" "public" {
  vpc_id = imco_vpc.net.id
  name   = "public"
  cidr   = "10.90.1.0/24"
  type   = "only_public"
}
import {
  to = imco_firewall_profile.adopted
  id = "${made.json.id}"
}
resource "imco_firewall_profile" "adopted" {
  name        = "made-by-hand"
  description = "console"
  rules = [{ ip_protocol = "tcp", min_port = 22, max_port = 22, source = "10.0.0.0/8" }]
}
`);
  await terraformOk(dir, ['init', '-input=false', '-no-color', `-plugin-dir=${mirror}`]);
  expect(readFileSync(join(dir, '.terraform.lock.hcl'), 'utf8')).toContain('registry.terraform.io/imco/imco');
  const planned = await planJson(dir);
  expect(actionsOfType(planned.json, 'imco_firewall_profile').sort()).toEqual([['create'], ['no-op']]);
  const adopting = planned.json.resource_changes!.find((rc) => rc.address === 'imco_firewall_profile.adopted')!;
  expect(adopting.change.importing).toBeDefined();
  const mark = journalLength(emulator.journalPath);
  await terraformOk(dir, ['apply', '-auto-approve', '-no-color', planned.planFile]);
  const creates = journalFrom(emulator.journalPath, mark).filter((e) => e.method === 'POST' && /^\/v2\/network\/(firewall_profiles|vpcs)\/?$/.test(e.path));
  expect(creates).toHaveLength(2);
  expect(emulator.snapshot().firewall_profile.filter((p) => p.name === 'made-by-hand').map((p) => p.id)).toEqual([made.json.id]);
  await terraformOk(dir, ['plan', '-detailed-exitcode', '-no-color'], {}, [0]);

  // -generate-config-out: an import block without a resource block gets usable HCL.
  const other = await emulator.request('POST', '/network/firewall_profiles', { body: { name: 'also-by-hand', description: 'console' } });
  writeFileSync(join(dir, 'import.tf'), `import {\n  to = imco_firewall_profile.generated\n  id = "${other.json.id}"\n}\n`);
  await terraformOk(dir, ['plan', '-no-color', '-generate-config-out=generated.tf'], {}, [0]);
  const generated = readFileSync(join(dir, 'generated.tf'), 'utf8');
  expect(generated).toContain('resource "imco_firewall_profile" "generated"');
  expect(generated).toContain('also-by-hand');
  const withGenerated = await planJson(dir);
  const gen = withGenerated.json.resource_changes!.find((rc) => rc.address === 'imco_firewall_profile.generated')!;
  expect([gen.change.actions, Boolean(gen.change.importing)]).toEqual([['no-op'], true]);

  await terraformOk(dir, ['apply', '-auto-approve', '-no-color', withGenerated.planFile]);
  await terraformOk(dir, ['destroy', '-auto-approve', '-no-color']);
  expect(emulator.userObjects()).toEqual([]);
});
