// Builds a platform with one object of every kind through the API (the way a client would), for
// integration tests that need existing objects. Uses the Mock provider's seeded catalogues.
import type { TestEmulator } from '../../support/emulator';
import { waitForState } from '../../support/emulator';
import { fakeOpensshPrivateKey } from '../../support/fake-keys';
import { cookbookArchive } from './tar';

export const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFixtureKeyFixtureKeyFixtureKeyFixtureKey0000 fixture@test';
const privateKey = fakeOpensshPrivateKey();
export const PRIVATE_KEY = privateKey.pem;
/** The random part of PRIVATE_KEY: what leak checks search for. */
export const PRIVATE_KEY_BODY = privateKey.body;
export const PSK = 'fixture-psk-Sup3rSecret';

export interface SeedIds {
  provider: string;
  account: string;
  serverPlan: string;
  realm: string;
  realmProviderName: string;
  storagePlan: string;
  genericImage: string;
  saasProvider: string;
  defaultFirewall: string;
  defaultSsh: string;
  awsProvider: string;
  awsAccount: string;
}

export async function seedIds(emu: TestEmulator, providerName = 'Mock'): Promise<SeedIds> {
  const providers = (await emu.request('GET', '/cloud/cloud_providers')).json as { id: string; name: string }[];
  const provider = providers.find((p) => p.name === providerName)!;
  const aws = providers.find((p) => p.name === 'AWS')!;
  const accounts = (await emu.request('GET', '/settings/cloud_accounts')).json as { id: string; cloud_provider_id: string }[];
  const plans = (await emu.request('GET', `/cloud/cloud_providers/${provider.id}/server_plans`)).json;
  const realms = (await emu.request('GET', `/cloud/cloud_providers/${provider.id}/realms`)).json;
  const storage = (await emu.request('GET', `/cloud/cloud_providers/${provider.id}/storage_plans`)).json as { id: string; deprecated: boolean; realm_id: string }[];
  const images = (await emu.request('GET', '/cloud/generic_images')).json;
  const saas = (await emu.request('GET', '/cloud/saas_providers')).json as { id: string; name: string }[];
  const firewalls = (await emu.request('GET', '/network/firewall_profiles')).json as { id: string; default: boolean }[];
  const ssh = (await emu.request('GET', '/cloud/ssh_profiles')).json as { id: string; name: string }[];
  return {
    provider: provider.id,
    account: accounts.find((a) => a.cloud_provider_id === provider.id)!.id,
    serverPlan: plans[0].id,
    realm: realms[0].id,
    realmProviderName: realms[0].provider_name,
    storagePlan: storage.find((s) => !s.deprecated && s.realm_id === realms[0].id)!.id,
    genericImage: images[0].id,
    saasProvider: saas.find((s) => s.name === 'Datadog')!.id,
    defaultFirewall: firewalls.find((f) => f.default)!.id,
    defaultSsh: ssh.find((s) => s.name === 'default')!.id,
    awsProvider: aws.id,
    awsAccount: accounts.find((a) => a.cloud_provider_id === aws.id)!.id,
  };
}

/** Creates and returns a JSON object, failing loudly on a non-2xx answer. */
export async function create(emu: TestEmulator, path: string, body: unknown): Promise<any> {
  const res = await emu.request('POST', path, { body });
  if (res.status >= 300) throw new Error(`POST ${path} answered ${res.status}: ${res.text}`);
  return res.json;
}

export async function put(emu: TestEmulator, path: string, body: unknown = {}): Promise<any> {
  const res = await emu.request('PUT', path, { body });
  if (res.status >= 300) throw new Error(`PUT ${path} answered ${res.status}: ${res.text}`);
  return res.json;
}

export interface Fixture {
  seeds: SeedIds;
  label: any;
  script: any;
  attachment: any;
  template: any;
  templateScript: any;
  cookbookVersion: any;
  firewallProfile: any;
  sshProfile: any;
  vpc: any;
  subnet: any;
  vpn: any;
  floatingIp: any;
  volume: any;
  server: any;
  serverArray: any;
  saasAccount: any;
}

export async function buildFixture(emu: TestEmulator): Promise<Fixture> {
  const seeds = await seedIds(emu);
  const label = await create(emu, '/labels/', { name: 'fixture label' });
  const script = await create(emu, '/blueprint/scripts', { name: 'install', code: 'echo hi', parameters: ['PORT'], label_ids: [label.id] });
  const attachment = await create(emu, `/blueprint/scripts/${script.id}/attachments`, { name: 'payload.txt' });
  const cookbookVersion = await create(emu, '/blueprint/cookbook_versions', {});
  await emu.request('PUT', cookbookVersion.upload_url, { raw: cookbookArchive('fixture'), chunked: true });
  const template = await create(emu, '/blueprint/templates/', { name: 'web', generic_image_id: seeds.genericImage, run_list: ['recipe[fixture]'] });
  const templateScript = await create(emu, `/blueprint/templates/${template.id}/scripts`, { type: 'operational', script_id: script.id, parameter_values: { PORT: '80' } });
  const firewallProfile = await create(emu, '/network/firewall_profiles/', {
    name: 'web',
    description: 'web servers',
    rules: [{ ip_protocol: 'tcp', min_port: 443, max_port: 443, source: '0.0.0.0/0' }],
  });
  const sshProfile = await create(emu, '/cloud/ssh_profiles/', { name: 'ops', public_key: PUBLIC_KEY, private_key: PRIVATE_KEY });
  const vpc = await create(emu, '/network/vpcs/', { name: 'main', cidr: '10.0.0.0/16', cloud_account_id: seeds.account, realm_provider_name: seeds.realmProviderName });
  await waitForState(emu, `/network/vpcs/${vpc.id}`, 'available');
  const subnet = await create(emu, `/network/vpcs/${vpc.id}/subnets`, { name: 'front', cidr: '10.0.1.0/24', type: 'only_public', cloud_account_id: '' });
  await waitForState(emu, `/network/subnets/${subnet.id}`, 'available');
  const plans = (await emu.request('GET', `/network/vpcs/${vpc.id}/vpn_plans`)).json;
  const vpn = await create(emu, `/network/vpcs/${vpc.id}/vpn`, { public_ip: '203.0.113.10', psk: PSK, exposed_cidrs: ['192.168.0.0/24'], vpn_plan_id: plans[0].id });
  const floatingIp = await create(emu, '/network/floating_ips/', { name: 'front-ip', cloud_account_id: seeds.account, realm_id: seeds.realm });
  const volume = await create(emu, '/storage/volumes/', { name: 'data', size: 10, cloud_account_id: seeds.account, storage_plan_id: seeds.storagePlan });
  const server = await create(emu, '/cloud/servers/', {
    name: 'web-1',
    template_id: template.id,
    server_plan_id: seeds.serverPlan,
    cloud_account_id: seeds.account,
    ssh_profile_id: sshProfile.id,
    firewall_profile_id: firewallProfile.id,
    subnet_id: subnet.id,
  });
  const serverArray = await create(emu, '/cloud/server_arrays/', {
    name: 'workers',
    template_id: template.id,
    server_plan_id: seeds.serverPlan,
    cloud_account_id: seeds.account,
    size: 1,
  });
  const saasAccount = await create(emu, '/settings/saas_accounts', { saas_provider_id: seeds.saasProvider, account_data: { api_key: 'dd-api-SECRET', application_key: 'dd-app-SECRET' } });
  await emu.settle();
  return { seeds, label, script, attachment, template, templateScript, cookbookVersion, firewallProfile, sshProfile, vpc, subnet, vpn, floatingIp, volume, server, serverArray, saasAccount };
}
