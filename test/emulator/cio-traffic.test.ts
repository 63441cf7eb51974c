// Replays the official cio v2 CLI's traffic with its quirks (API reference §1.4, §12): Go's
// default headers and no Accept, trailing-slash creates, `Content-type` on DELETE, `{"id"}` action
// bodies, dashed SSH key names, `null` bodies, chunked uploads without Content-Type, subnet
// `cloud_account_id: ""`, enlarge `size`. Every answer must decode into the CLI's Go types: a JSON
// value of the wrong type makes the CLI fail, so field types are checked strictly.
import { Agent, request } from 'node:https';
import { clientTls, startTestEmulator, type TestEmulator } from '../support/emulator';
import { fakeOpensshPrivateKey } from '../support/fake-keys';
import { cookbookArchive } from './support/tar';

// ---------------------------------------------------------------- the CLI's Go types
type GoType = 'string' | 'nullable-string' | 'int' | 'float' | 'bool' | 'string[]' | 'object' | 'time' | 'nullable-time' | 'rules' | 'cookbook-versions' | 'any';
type GoStruct = Record<string, GoType>;

const S: GoType = 'string';
const labels = { label_ids: 'string[]' as GoType, resource_type: S };
const GO: Record<string, GoStruct> = {
  Template: { id: S, name: S, generic_image_id: S, run_list: 'string[]', configuration_attributes: 'object', cookbook_versions: 'cookbook-versions', state: S, ...labels },
  TemplateScript: { id: S, type: S, execution_order: 'int', template_id: S, script_id: S, parameter_values: 'object' },
  ScriptChar: { id: S, type: S, execution_order: 'int', template_id: S, script_id: S, parameter_values: 'object', resource_type: S },
  CookbookVersion: { id: S, name: S, description: S, version: S, state: S, revision_id: S, recipes: 'string[]', publicly_available: 'bool', global_legacy: 'bool', upload_url: S, error_message: S, ...labels },
  Script: { id: S, name: S, description: S, code: S, parameters: 'string[]', ...labels },
  Attachment: { id: S, name: S, uploaded: 'bool', upload_url: S, download_url: S, resource_type: S },
  FirewallProfile: { id: S, name: S, description: S, default: 'bool', rules: 'rules', ...labels },
  Vpc: { id: S, name: S, cidr: S, state: S, cloud_account_id: S, realm_provider_name: S, has_vpn: 'bool', allowed_subnet_types: 'string[]', brownfield: 'bool', ...labels },
  Subnet: { id: S, name: S, cidr: S, state: S, type: S, vpc_id: S, server_creation_disabled: 'bool', brownfield: 'bool', resource_type: S },
  Vpn: { id: S, state: S, vpc_id: S, vpn_plan_id: S, public_ip: S, exposed_cidrs: 'string[]', resource_type: S },
  VpnPlan: { id: S, name: S, active_active: S, remote_id: S, resource_type: S },
  FloatingIP: { id: S, name: S, address: S, state: S, cloud_account_id: S, realm_id: S, attached_server_id: 'nullable-string', brownfield: 'bool', ...labels },
  Volume: { id: S, name: S, size: 'int', device: S, state: S, storage_plan_id: S, cloud_account_id: S, realm_id: S, attached_server_id: 'nullable-string', brownfield: 'bool', ...labels },
  StoragePlan: { id: S, name: S, min_size: 'int', max_size: 'int', cloud_provider_id: S, location_id: S, realm_id: S, realm_provider_name: S, flavour_provider_name: S, deprecated: 'bool', resource_type: S },
  SSHProfile: { id: S, name: S, public_key: S, ...labels },
  Server: {
    id: S, name: S, fqdn: S, state: S, public_ip: 'nullable-string', private_ip: 'nullable-string', template_id: S, server_plan_id: S, cloud_account_id: S,
    ssh_profile_id: S, ssh_profile_ids: 'string[]', firewall_profile_id: S, server_array_id: 'nullable-string', brownfield_state: S, subnet_id: S, vpc_id: S, privateness: 'bool', ...labels,
  },
  ServerArray: {
    id: S, name: S, state: S, size: 'int', server_plan_id: S, cloud_account_id: S, template_id: S, firewall_profile_id: S, ssh_profile_id: S, ssh_profile_ids: 'string[]',
    subnet_id: S, vpc_id: S, privateness: 'bool', ...labels,
  },
  ServerPlan: { id: S, name: S, memory: 'int', cpus: 'float', storage: 'int', location_id: S, location_name: S, cloud_provider_id: S, cloud_provider_name: S },
  CloudProvider: { id: S, name: S, required_credentials: 'string[]' },
  GenericImage: { id: S, name: S },
  Location: { id: S, name: S },
  CloudAccount: { id: S, name: S, cloud_provider_id: S, last_discovered_at: 'nullable-time', last_discovery_failed_at: 'nullable-time', supports_importing: 'bool' },
  SaasAccount: { id: S, saas_provider_id: S, resource_type: S },
  Event: { id: S, timestamp: 'time', level: S, header: S, description: S },
  Label: { id: S, name: S, namespace: S, value: S, resource_type: S },
  LabeledResource: { id: S, resource_type: S },
};

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

function typeProblems(value: unknown, type: GoType): string | undefined {
  const is = {
    string: typeof value === 'string',
    'nullable-string': typeof value === 'string' || value === null,
    int: typeof value === 'number' && Number.isInteger(value),
    float: typeof value === 'number',
    bool: typeof value === 'boolean',
    'string[]': Array.isArray(value) && value.every((v) => typeof v === 'string'),
    object: value !== null && typeof value === 'object' && !Array.isArray(value),
    time: typeof value === 'string' && RFC3339.test(value),
    'nullable-time': value === null || (typeof value === 'string' && RFC3339.test(value)),
    rules:
      Array.isArray(value) &&
      value.every((r) => typeof r.ip_protocol === 'string' && Number.isInteger(r.min_port) && Number.isInteger(r.max_port) && typeof r.source === 'string'),
    'cookbook-versions':
      value !== null && typeof value === 'object' && Object.values(value as object).every((v) => v !== null && typeof v === 'object' && !Array.isArray(v)),
    any: true,
  }[type];
  return is ? undefined : `expected ${type}, got ${JSON.stringify(value)}`;
}

/** Problems decoding `body` into the Go struct (or a slice of it). */
function decodeProblems(body: unknown, struct: string, list = false): string[] {
  if (list && !Array.isArray(body)) return [`[]${struct}: expected a bare JSON array, got ${JSON.stringify(body).slice(0, 80)}`];
  const items = list ? (body as unknown[]) : [body];
  const problems: string[] = [];
  for (const item of items as Record<string, unknown>[]) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      problems.push(`${struct}: not an object: ${JSON.stringify(item)}`);
      continue;
    }
    for (const [field, type] of Object.entries(GO[struct])) {
      if (!(field in item)) problems.push(`${struct}.${field}: missing`);
      else {
        const p = typeProblems(item[field], type);
        if (p) problems.push(`${struct}.${field}: ${p}`);
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------- the CLI's HTTP behaviour
interface CioAnswer {
  status: number;
  body: any;
  headers: Record<string, unknown>;
}

let emu: TestEmulator;
let agent: Agent;
const problems: string[] = [];

/** A request shaped exactly like the Go CLI's (utils/webservice.go at 8b41385). */
function cio(method: string, path: string, payload?: unknown, options: { raw?: Buffer; url?: string } = {}): Promise<CioAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'User-Agent': 'Go-http-client/1.1', 'Accept-Encoding': 'gzip' };
    let body: Buffer | undefined;
    if (options.raw) {
      body = options.raw;
      headers['Transfer-Encoding'] = 'chunked';
    } else if (method === 'POST') {
      body = Buffer.from(JSON.stringify(payload ?? {}));
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = String(body.length);
    } else if (method === 'PUT') {
      body = Buffer.from(payload === null ? 'null' : JSON.stringify(payload ?? {}));
      headers['Content-type'] = 'application/json';
      headers['Content-Length'] = String(body.length);
    } else if (method === 'DELETE') {
      headers['Content-type'] = 'application/json';
    }
    const req = request(options.url ?? `${emu.endpoint}${path}`, { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          parsed = text;
        }
        resolve({ status: res.statusCode ?? 0, body: parsed, headers: res.headers });
      });
    });
    req.on('error', reject);
    if (body && options.raw) {
      req.write(body.subarray(0, 10));
      req.write(body.subarray(10));
    }
    req.end(options.raw ? undefined : body);
  });
}

/** Calls like the CLI and checks the answer decodes into `struct` (a list when `list`). */
async function expectDecodes(method: string, path: string, struct: string | undefined, payload?: unknown, list = false): Promise<any> {
  const answer = await cio(method, path, payload);
  if (answer.status >= 300) {
    problems.push(`${method} ${path} → ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
  if (answer.body !== undefined) {
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(String(answer.headers['content-type'])).toMatch(/^application\/json/);
  }
  if (struct) problems.push(...decodeProblems(answer.body, struct, list).map((p) => `${method} ${path}: ${p}`));
  return answer.body;
}

async function poll(path: string, state: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await cio('GET', path)).body?.state !== state) {
    if (Date.now() > deadline) throw new Error(`${path} never reached ${state}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

beforeAll(async () => {
  emu = await startTestEmulator();
  agent = new Agent({ ...clientTls(emu), keepAlive: true });
});
afterAll(async () => {
  agent.destroy();
  await emu.dispose();
});

it('serves the cio v2 CLI workflow with the types it decodes', async () => {
  // Lookups the CLI offers.
  const providers = await expectDecodes('GET', '/cloud/cloud_providers', 'CloudProvider', undefined, true);
  const mock = providers.find((p: any) => p.name === 'Mock');
  const plans = await expectDecodes('GET', `/cloud/cloud_providers/${mock.id}/server_plans`, 'ServerPlan', undefined, true);
  const storagePlans = await expectDecodes('GET', `/cloud/cloud_providers/${mock.id}/storage_plans`, 'StoragePlan', undefined, true);
  await expectDecodes('GET', `/storage/plans/${storagePlans[0].id}`, 'StoragePlan');
  await expectDecodes('GET', `/cloud/server_plans/${plans[0].id}`, 'ServerPlan');
  const images = await expectDecodes('GET', '/cloud/generic_images', 'GenericImage', undefined, true);
  await expectDecodes('GET', '/wizard/locations', 'Location', undefined, true);
  const accounts = await expectDecodes('GET', '/settings/cloud_accounts', 'CloudAccount', undefined, true);
  await expectDecodes('GET', '/wizard/cloud_accounts?app_id=a&location_id=b', 'CloudAccount', undefined, true);
  const account = accounts.find((a: any) => a.cloud_provider_id === mock.id);
  const realms = (await cio('GET', `/cloud/cloud_providers/${mock.id}/realms`)).body;

  // Labels (created with a trailing slash, as `--labels` does).
  const label = await expectDecodes('POST', '/labels/', 'Label', { name: 'cio-label' });
  await expectDecodes('GET', '/labels', 'Label', undefined, true);

  // Firewall profiles: create, update with the CLI's extra `id`.
  const fw = await expectDecodes('POST', '/network/firewall_profiles/', 'FirewallProfile', {
    name: 'cio-fw',
    description: 'from cio',
    rules: [{ ip_protocol: 'tcp', min_port: 8080, max_port: 8081, source: '0.0.0.0/0' }, { ip_protocol: 'udp', min_port: 3456, max_port: 3456, source: '1.2.3.4' }],
    label_ids: [label.id],
  });
  await expectDecodes('PUT', `/network/firewall_profiles/${fw.id}`, 'FirewallProfile', { id: fw.id, rules: [{ ip_protocol: 'tcp', min_port: 389, max_port: 389, source: 'any' }] });
  await expectDecodes('GET', '/network/firewall_profiles', 'FirewallProfile', undefined, true);

  // SSH profiles: update sends dashed key names.
  const ssh = await expectDecodes('POST', '/cloud/ssh_profiles/', 'SSHProfile', { name: 'cio-ssh', public_key: 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC cio', label_ids: [] });
  const updatedSsh = await expectDecodes('PUT', `/cloud/ssh_profiles/${ssh.id}`, 'SSHProfile', {
    id: ssh.id,
    name: 'cio-ssh-2',
    'public-key': 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIcio rotated',
    'private-key': fakeOpensshPrivateKey().pem.trim(),
  });
  expect(updatedSsh.public_key).toBe('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIcio rotated');

  // VPC, subnet (with the CLI's empty cloud_account_id), VPN and its plans.
  const vpc = await expectDecodes('POST', '/network/vpcs/', 'Vpc', { name: 'cio-vpc', cidr: '10.1.0.0/16', cloud_account_id: account.id, realm_provider_name: realms[0].provider_name, label_ids: [] });
  await poll(`/network/vpcs/${vpc.id}`, 'available');
  const subnet = await expectDecodes('POST', `/network/vpcs/${vpc.id}/subnets`, 'Subnet', { name: 'cio-subnet', cidr: '10.1.1.0/24', type: 'public_and_private', cloud_account_id: '' });
  await expectDecodes('PUT', `/network/subnets/${subnet.id}`, 'Subnet', { id: subnet.id, name: 'cio-subnet-2' });
  await poll(`/network/subnets/${subnet.id}`, 'available');
  const vpnPlans = await expectDecodes('GET', `/network/vpcs/${vpc.id}/vpn_plans`, 'VpnPlan', undefined, true);
  await expectDecodes('POST', `/network/vpcs/${vpc.id}/vpn`, 'Vpn', { public_ip: '198.51.100.7', psk: 'cio-pre-shared', exposed_cidrs: ['10.2.0.0/16'], vpn_plan_id: vpnPlans[0].id });
  await expectDecodes('GET', `/network/vpcs/${vpc.id}/vpn`, 'Vpn');
  await expectDecodes('GET', `/network/vpcs/${vpc.id}/subnets`, 'Subnet', undefined, true);

  // Scripts, attachments (chunked upload without Content-Type), templates, template scripts.
  const script = await expectDecodes('POST', '/blueprint/scripts', 'Script', { name: 'cio-script', description: 'd', code: 'echo $P', parameters: ['P'], label_ids: [] });
  await expectDecodes('PUT', `/blueprint/scripts/${script.id}`, 'Script', { id: script.id, code: 'echo $P $P' });
  const attachment = await expectDecodes('POST', `/blueprint/scripts/${script.id}/attachments`, 'Attachment', { name: 'file.txt' });
  expect((await cio('PUT', '', undefined, { raw: Buffer.from('attachment bytes from cio'), url: attachment.upload_url })).status).toBeLessThan(300);
  const uploaded = await expectDecodes('PUT', `/blueprint/attachments/${attachment.id}/uploaded`, 'Attachment', { name: 'file.txt' });
  expect(uploaded.uploaded).toBe(true);
  const download = await cio('GET', '', undefined, { url: uploaded.download_url });
  expect(download.status).toBe(200);
  expect(download.body).toBe('attachment bytes from cio');

  const cookbook = await expectDecodes('POST', '/blueprint/cookbook_versions', 'CookbookVersion', { label_ids: [label.id] });
  expect((await cio('PUT', '', undefined, { raw: cookbookArchive('ciocook', '0.3.0'), url: cookbook.upload_url })).status).toBeLessThan(300);
  await expectDecodes('POST', `/blueprint/cookbook_versions/${cookbook.id}/process`, 'CookbookVersion', { filepath: '/home/u/ciocook.tgz', labels: 'cio-label' });
  await poll(`/blueprint/cookbook_versions/${cookbook.id}`, 'ready');

  const template = await expectDecodes('POST', '/blueprint/templates/', 'Template', {
    name: 'cio-template',
    generic_image_id: images[0].id,
    run_list: ['recipe[ciocook]'],
    configuration_attributes: { ciocook: { port: 8080 } },
    cookbook_versions: { ciocook: { version_id: cookbook.id }, nginx: { version: '~> 2.7' } },
    label_ids: [label.id],
  });
  await expectDecodes('PUT', `/blueprint/templates/${template.id}`, 'Template', { id: template.id, name: 'cio-template-2', run_list: ['recipe[nginx]', 'recipe[ciocook]'] });
  await expectDecodes('PUT', `/blueprint/templates/${template.id}/compile`, 'Template', { id: template.id });
  await poll(`/blueprint/templates/${template.id}`, 'ready');
  await expectDecodes('GET', '/blueprint/templates', undefined, undefined, true);
  const ts = await expectDecodes('POST', `/blueprint/templates/${template.id}/scripts`, 'TemplateScript', { type: 'operational', script_id: script.id, parameter_values: { P: 'x' } });
  await expectDecodes('GET', `/blueprint/templates/${template.id}/scripts?type=operational`, 'TemplateScript', undefined, true);
  await expectDecodes('PUT', `/blueprint/templates/${template.id}/scripts/reorder`, 'TemplateScript', { type: 'operational', script_ids: [ts.id] }, true);

  // Servers: create, boot, reboot, shutdown with `{"id"}` bodies; events; operational scripts.
  const server = await expectDecodes('POST', '/cloud/servers/', 'Server', {
    name: 'cio-server',
    ssh_profile_id: ssh.id,
    firewall_profile_id: fw.id,
    template_id: template.id,
    server_plan_id: plans[0].id,
    cloud_account_id: account.id,
    label_ids: [label.id],
  });
  await poll(`/cloud/servers/${server.id}`, 'inactive');
  await expectDecodes('PUT', `/cloud/servers/${server.id}`, 'Server', { id: server.id, name: 'cio-server-2' });
  await expectDecodes('PUT', `/cloud/servers/${server.id}/boot`, 'Server', { id: server.id });
  await poll(`/cloud/servers/${server.id}`, 'operational');
  await expectDecodes('PUT', `/cloud/servers/${server.id}/operational_scripts/${ts.id}/execute`, 'Event', {});
  await expectDecodes('GET', `/cloud/servers/${server.id}/operational_scripts`, 'ScriptChar', undefined, true);
  await expectDecodes('GET', `/cloud/servers/${server.id}/events`, 'Event', undefined, true);
  await expectDecodes('PUT', `/cloud/servers/${server.id}/reboot`, 'Server', { id: server.id });
  await poll(`/cloud/servers/${server.id}`, 'operational');
  await expectDecodes('GET', '/cloud/servers', 'Server', undefined, true);
  await expectDecodes('GET', `/blueprint/templates/${template.id}/servers`, 'Server', undefined, true);

  // Volumes and floating IPs attached to the server.
  const volume = await expectDecodes('POST', '/storage/volumes/', 'Volume', { name: 'cio-vol', size: 5, cloud_account_id: account.id, storage_plan_id: storagePlans[0].id, label_ids: [] });
  await poll(`/storage/volumes/${volume.id}`, 'available');
  await expectDecodes('POST', `/storage/volumes/${volume.id}/attached_server`, 'Server', { attached_server_id: server.id });
  await poll(`/storage/volumes/${volume.id}`, 'attached');
  await expectDecodes('GET', `/cloud/servers/${server.id}/volumes`, 'Volume', undefined, true);
  const ip = await expectDecodes('POST', '/network/floating_ips/', 'FloatingIP', { name: 'cio-ip', cloud_account_id: account.id, realm_id: realms[0].id, label_ids: [] });
  await poll(`/network/floating_ips/${ip.id}`, 'available');
  await expectDecodes('POST', `/network/floating_ips/${ip.id}/attached_server`, 'Server', { attached_server_id: server.id });
  await expectDecodes('GET', `/cloud/servers/${server.id}/floating_ips`, 'FloatingIP', undefined, true);
  await expectDecodes('GET', '/network/floating_ips', 'FloatingIP', undefined, true);

  // Server arrays: create, boot, enlarge with `size`, shutdown, empty with a `null` body.
  const array = await expectDecodes('POST', '/cloud/server_arrays/', 'ServerArray', {
    name: 'cio-array',
    template_id: template.id,
    cloud_account_id: account.id,
    server_plan_id: plans[0].id,
    size: 1,
    firewall_profile_id: fw.id,
    ssh_profile_id: ssh.id,
    subnet_id: subnet.id,
    privateness: true,
    label_ids: [],
  });
  await emu.settle();
  await expectDecodes('PUT', `/cloud/server_arrays/${array.id}/boot`, 'ServerArray', { id: array.id });
  await poll(`/cloud/server_arrays/${array.id}`, 'operational');
  const enlarged = await expectDecodes('POST', `/cloud/server_arrays/${array.id}/servers`, 'ServerArray', { size: 2 });
  expect(enlarged.size).toBe(3);
  await emu.settle();
  await expectDecodes('GET', `/cloud/server_arrays/${array.id}/servers`, 'Server', undefined, true);
  await expectDecodes('GET', `/network/subnets/${subnet.id}/server_arrays`, 'ServerArray', undefined, true);
  await expectDecodes('PUT', `/cloud/server_arrays/${array.id}/shutdown`, 'ServerArray', { id: array.id });
  await poll(`/cloud/server_arrays/${array.id}`, 'inactive');
  await emu.settle();
  await expectDecodes('PUT', `/cloud/server_arrays/${array.id}/empty`, 'ServerArray', null);
  await emu.settle();
  await expectDecodes('GET', '/cloud/server_arrays', 'ServerArray', undefined, true);

  // Labels on resources, events, SaaS accounts.
  await expectDecodes('POST', `/labels/${label.id}/resources`, 'LabeledResource', { resources: [{ id: server.id, resource_type: 'server' }] }, true);
  expect((await cio('DELETE', `/labels/${label.id}/resources/server/${server.id}`)).status).toBeLessThan(300);
  await expectDecodes('GET', '/audit/events', 'Event', undefined, true);
  const saasProviders = (await cio('GET', '/cloud/saas_providers')).body;
  const saas = await expectDecodes('POST', '/settings/saas_accounts', 'SaasAccount', { saas_provider_id: saasProviders[0].id, account_data: { license_key: 'nr-key' } });
  await expectDecodes('GET', '/settings/saas_accounts', 'SaasAccount', undefined, true);

  // Tear down with the CLI's DELETEs (Content-type header, no body).
  const deletes = [
    `/settings/saas_accounts/${saas.id}`,
    `/network/floating_ips/${ip.id}/attached_server`,
    `/network/floating_ips/${ip.id}`,
    `/storage/volumes/${volume.id}/attached_server`,
  ];
  for (const path of deletes) expect({ path, status: (await cio('DELETE', path)).status }).toEqual({ path, status: 204 });
  await poll(`/storage/volumes/${volume.id}`, 'available');
  await expectDecodes('PUT', `/cloud/servers/${server.id}/shutdown`, 'Server', { id: server.id });
  await poll(`/cloud/servers/${server.id}`, 'inactive');
  for (const path of [`/storage/volumes/${volume.id}`, `/cloud/servers/${server.id}`, `/cloud/server_arrays/${array.id}`, `/network/vpcs/${vpc.id}/vpn`]) {
    expect({ path, status: (await cio('DELETE', path)).status }).toEqual({ path, status: 204 });
  }
  await emu.settle();
  for (const path of [`/network/subnets/${subnet.id}`, `/blueprint/templates/${template.id}`, `/blueprint/cookbook_versions/${cookbook.id}`, `/blueprint/attachments/${attachment.id}`, `/blueprint/scripts/${script.id}`, `/cloud/ssh_profiles/${ssh.id}`, `/network/firewall_profiles/${fw.id}`]) {
    expect({ path, status: (await cio('DELETE', path)).status }).toEqual({ path, status: 204 });
  }
  await emu.settle();
  expect((await cio('DELETE', `/network/vpcs/${vpc.id}`)).status).toBe(204);
  await emu.settle();
  expect(emu.userObjects()).toEqual([]);
  expect(problems).toEqual([]);
});

it('reports CLI-style errors the CLI can print', async () => {
  const notFound = await cio('GET', '/cloud/servers/0123456789abcdef01234567');
  expect(notFound.status).toBe(404);
  expect(typeof notFound.body.error).toBe('string');
  const invalid = await cio('POST', '/network/vpcs/', { name: 'x', cidr: '10.0.0.1/8' });
  expect(invalid.status).toBe(422);
  for (const messages of Object.values(invalid.body.errors)) {
    expect(Array.isArray(messages) && (messages as unknown[]).every((m) => typeof m === 'string')).toBe(true);
  }
});

it('has a type checker that catches what would break the Go CLI', () => {
  const volume = { id: 'a', name: 'v', size: 10, device: '', state: 's', storage_plan_id: 'p', cloud_account_id: 'c', realm_id: 'r', attached_server_id: null, brownfield: false, label_ids: [], resource_type: 'volume' };
  expect(decodeProblems(volume, 'Volume')).toEqual([]);
  expect(decodeProblems({ ...volume, size: '10' }, 'Volume')).toEqual(['Volume.size: expected int, got "10"']);
  expect(decodeProblems({ ...volume, name: null }, 'Volume')).toEqual(['Volume.name: expected string, got null']);
  expect(decodeProblems({ id: 'p', name: 'n', active_active: false, remote_id: 'r', resource_type: 'vpn_plan' }, 'VpnPlan')).toEqual(['VpnPlan.active_active: expected string, got false']);
  expect(decodeProblems({ items: [] }, 'Label', true)).toEqual(['[]Label: expected a bare JSON array, got {"items":[]}']);
  expect(decodeProblems([{ id: 'l', name: 'n', namespace: '', value: '' }], 'Label', true)).toEqual(['Label.resource_type: missing']);
  const template = { id: 't', name: 'n', generic_image_id: 'g', run_list: [], configuration_attributes: {}, state: 'created', label_ids: [], resource_type: 'template' };
  expect(decodeProblems({ ...template, cookbook_versions: { nginx: '~> 1.0' } }, 'Template')).toHaveLength(1);
});
