// Reading the estate to export, against the emulator over mTLS: objects a stack owns (ownership
// label in the imco-cdktf namespace) and the account's defaults are skipped with the reason, other
// labels do not count, a VPC brings its subnets and VPN, a template its scripts in order, and the
// kind and name filters narrow the read.
import { OWNER_NAMESPACE, stackInstanceTag } from '../../lib/spec/identity';
import { readEstate } from '../../lib/export/estate';
import { apiOf } from '../../lib/handlers/client-api';
import { type ClientHarness, startClientHarness } from '../client/support/emulator-client';
import { seedsOf } from '../support/seeds';

let h: ClientHarness;
beforeAll(async () => {
  h = await startClientHarness();
});
afterAll(async () => h?.dispose());

async function post(path: string, body: unknown): Promise<string> {
  const r = await h.emu.request('POST', path, { body });
  if (r.status >= 300) throw new Error(`POST ${path}: ${r.status} ${r.text}`);
  return String(r.json.id);
}

test('owned, default and filtered objects are left out; children follow their parent', async () => {
  const s = seedsOf(h.emu);
  const owned = await post('/labels', { name: 'prod.web-fw', namespace: OWNER_NAMESPACE, value: stackInstanceTag('0123456789abcdef', 'prod') });
  const team = await post('/labels', { name: 'team-web', value: 'x' });
  await post('/network/firewall_profiles', { name: 'owned-fw', rules: [], label_ids: [owned] });
  const free = await post('/network/firewall_profiles', { name: 'free-fw', rules: [], label_ids: [team] });
  const vpc = await post('/network/vpcs', { name: 'net', cidr: '10.90.0.0/16', cloud_account_id: s.cloudAccountId, realm_provider_name: s.realmProviderName });
  await h.emu.waitFor(`/network/vpcs/${vpc}`, (r) => r.json?.state === 'available', 30_000);
  await post(`/network/vpcs/${vpc}/subnets`, { name: 'b', cidr: '10.90.2.0/24', type: 'only_private' });
  await post(`/network/vpcs/${vpc}/subnets`, { name: 'a', cidr: '10.90.1.0/24', type: 'only_public' });
  const script = await post('/blueprint/scripts', { name: 'one', code: 'true' });
  const template = await post('/blueprint/templates', { name: 'tpl', generic_image_id: s.genericImageId });
  await post(`/blueprint/templates/${template}/scripts`, { type: 'shutdown', script_id: script, parameter_values: {} });
  await post(`/blueprint/templates/${template}/scripts`, { type: 'boot', script_id: script, parameter_values: {} });

  const api = apiOf(h.client);
  const progress: string[] = [];
  const all = await readEstate(api, { progress: (l) => progress.push(l) });
  expect(all.objects.map((o) => `${o.kind} ${o.name}`)).toEqual([
    'firewall_profile free-fw', 'script one', 'vpc net', 'subnet a', 'subnet b', 'template tpl',
  ]);
  expect(all.objects.find((o) => o.id === free)!.live.label_ids).toEqual([team]);
  expect(all.objects.find((o) => o.kind === 'subnet')!.parentId).toBe(vpc);
  expect(all.objects.find((o) => o.kind === 'template')!.parts!.template_script.map((t) => t.type)).toEqual(['boot', 'shutdown']);
  expect(all.skipped.map((x) => `${x.kind} ${x.name}: ${x.reason}`)).toEqual([
    "firewall_profile Default firewall: the account's default firewall profile (read-only)",
    "firewall_profile owned-fw: owned by stack 'prod' (ownership label prod.web-fw)",
    "ssh_profile default: the account's default SSH profile (created by the platform)",
  ]);
  expect(progress).toContain('reading firewall profiles');

  const narrowed = await readEstate(api, { kinds: ['vpc', 'firewall_profile'], nameFilter: /^(net|owned)/ });
  expect(narrowed.objects.map((o) => `${o.kind} ${o.name}`)).toEqual(['vpc net']);
});
