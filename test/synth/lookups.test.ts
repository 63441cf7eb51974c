// Synth-time lookups from a fixture imco.context.json: every lookup construct, strict mode, and
// the errors a stack gets (with construct paths).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import {
  AuditEvents, CloudAccount, CloudProvider, GenericImage, ImcoSettings, Location, Realm, SaasProvider, ServerPlan, StoragePlan, Volume,
} from '../../lib/constructs';
import { renderContext } from '../../lib/synth/context-file';
import { resetLookupCache } from '../../lib/synth/lookups';

const fixture = {
  'cloud_account:name=AWS production': { id: 'acc-1', name: 'AWS production', cloud_provider_id: 'prov-1' },
  'cloud_provider:name=AWS': { id: 'prov-1', name: 'AWS' },
  'audit_events:name=latest 2': { id: 'ev-2', name: 'latest 2', events: ['2026-01-02T00:00:00Z info Server booted', '2026-01-01T00:00:00Z info VPC created'] },
  'generic_image:name=Ubuntu 22.04': { id: 'img-1', name: 'Ubuntu 22.04' },
  'location:name=Europe': { id: 'loc-eu', name: 'Europe' },
  'realm:cloudProvider=AWS;name=US East': { id: 'realm-1', name: 'US East', cloud_provider_id: 'prov-1', provider_name: 'us-east-1' },
  'saas_provider:name=New Relic': { id: 'saas-1', name: 'New Relic', required_account_data: ['license_key'] },
  'server_plan:cloudProvider=AWS;location=Europe;name=t3.medium': { id: 'plan-1', name: 't3.medium', cloud_provider_id: 'prov-1', location_id: 'loc-eu', memory: 4096, cpus: 2 },
  'storage_plan:cloudProvider=AWS;name=gp3': { id: 'sto-1', name: 'gp3', cloud_provider_id: 'prov-1', realm_id: 'realm-1', min_size: 1, max_size: 500 },
};

let file: string;
beforeEach(() => {
  file = join(mkdtempSync(join(tmpdir(), 'imco-ctx-')), 'imco.context.json');
  writeFileSync(file, renderContext(fixture as never));
  process.env.IMCO_CONTEXT_FILE = file;
  resetLookupCache();
});
afterEach(() => {
  delete process.env.IMCO_CONTEXT_FILE;
  delete process.env.IMCO_CONTEXT;
  resetLookupCache();
});

function stack(): TerraformStack {
  const s = new TerraformStack(new App({ outdir: mkdtempSync(join(tmpdir(), 'imco-out-')) }), 'shop');
  new ImcoSettings(s, 'imco', { endpoint: 'https://imco.test:886/v2' });
  return s;
}

function errors(s: TerraformStack): string[] {
  return s.node.findAll().flatMap((c) => c.node.validate().map((e) => `[${c.node.path}] ${e}`));
}

test('every lookup construct reads its value from the context file', () => {
  const s = stack();
  expect(CloudAccount.fromName(s, 'AWS production')).toMatchObject({ id: 'acc-1', name: 'AWS production' });
  expect(CloudProvider.fromName(s, 'AWS').id).toBe('prov-1');
  expect(AuditEvents.latest(s, 2)).toEqual(['2026-01-02T00:00:00Z info Server booted', '2026-01-01T00:00:00Z info VPC created']);
  expect(GenericImage.fromName(s, 'Ubuntu 22.04').id).toBe('img-1');
  expect(Location.fromName(s, 'Europe').id).toBe('loc-eu');
  expect(Realm.lookup(s, { cloudProvider: 'AWS', name: 'US East' })).toMatchObject({ id: 'realm-1', providerName: 'us-east-1' });
  expect(SaasProvider.fromName(s, 'New Relic').facts.required_account_data).toEqual(['license_key']);
  expect(ServerPlan.lookup(s, { cloudProvider: 'AWS', name: 't3.medium', location: 'Europe' }).id).toBe('plan-1');
  expect(StoragePlan.lookup(s, { cloudProvider: 'AWS', name: 'gp3' })).toMatchObject({ id: 'sto-1', minSize: 1, maxSize: 500 });
  expect(errors(s)).toEqual([]);
  // Reading never rewrites the committed file.
  expect(readFileSync(file, 'utf8')).toBe(renderContext(fixture as never));
});

test("a storage plan's bounds from the context validate a volume's size", () => {
  const s = stack();
  const plan = StoragePlan.lookup(s, { cloudProvider: 'AWS', name: 'gp3' });
  new Volume(s, 'data', { name: 'data', size: 800, cloudAccount: CloudAccount.fromName(s, 'AWS production'), storagePlan: plan });
  expect(errors(s).join('\n')).toContain('[shop/data]');
  expect(errors(s).join('\n')).toContain('800');
});

test('strict mode: every missing lookup is listed once, with the command that fills them', () => {
  process.env.IMCO_CONTEXT = 'strict';
  const s = stack();
  CloudAccount.fromName(s, 'AWS production');
  CloudAccount.fromName(s, 'Azure production');
  ServerPlan.lookup(s, { cloudProvider: 'AWS', name: 'm5.large' });
  expect(errors(s)).toEqual([
    `[shop] 2 lookup(s) missing from ${file} (IMCO_CONTEXT=strict):\n` +
      "  - cloud account 'Azure production'  [cloud_account:name=Azure production]\n" +
      "  - server plan 'm5.large' of AWS  [server_plan:cloudProvider=AWS;name=m5.large]\n" +
      "Fill them with IMCO credentials configured: npx imco-bridge context refresh 'cloud_account:name=Azure production' 'server_plan:cloudProvider=AWS;name=m5.large'\n" +
      'then commit the file.',
  ]);
});

test('a context file that is not valid JSON fails the lookup with the fix', () => {
  writeFileSync(file, '{ not json');
  const s = stack();
  CloudAccount.fromName(s, 'AWS production');
  expect(errors(s)).toEqual([`[shop] lookup: ${file} is not valid JSON: fix it, or delete it and run 'imco-bridge context refresh'`]);
});
