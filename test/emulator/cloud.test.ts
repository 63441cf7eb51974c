// Cloud namespace: SSH profiles, servers and their state machine, actions, events and operational
// scripts; server arrays driving their members; read-only catalogues.
import { startTestEmulator, waitForGone, waitForState, type TestEmulator } from '../support/emulator';
import { create, put, seedIds, PRIVATE_KEY, PUBLIC_KEY, type SeedIds } from './support/fixtures';

let emu: TestEmulator;
let seeds: SeedIds;
let template: any;
beforeAll(async () => {
  emu = await startTestEmulator();
  seeds = await seedIds(emu);
  template = await create(emu, '/blueprint/templates', { name: 'base', generic_image_id: seeds.genericImage });
});
afterAll(() => emu.dispose());

const serverBody = (patch: Record<string, unknown> = {}) => ({
  name: 'web-1',
  template_id: template.id,
  server_plan_id: seeds.serverPlan,
  cloud_account_id: seeds.account,
  ssh_profile_id: seeds.defaultSsh,
  firewall_profile_id: seeds.defaultFirewall,
  ...patch,
});

describe('SSH profiles', () => {
  it('has the seeded default profile and keeps private keys write-only', async () => {
    expect((await emu.request('GET', `/cloud/ssh_profiles/${seeds.defaultSsh}`)).json).toMatchObject({ name: 'default', public_key: expect.stringMatching(/^ssh-ed25519 /) });
    const profile = await create(emu, '/cloud/ssh_profiles/', { name: 'ops', public_key: PUBLIC_KEY, private_key: PRIVATE_KEY });
    expect(profile).toEqual({ id: expect.any(String), name: 'ops', public_key: PUBLIC_KEY, label_ids: [], resource_type: 'ssh_profile' });
    const listed = await emu.request('GET', '/cloud/ssh_profiles');
    expect(listed.text).not.toContain('SECRETPRIVATEKEY');
    const updated = await put(emu, `/cloud/ssh_profiles/${profile.id}`, { id: profile.id, name: 'ops2', 'public-key': `${PUBLIC_KEY} ` , 'private-key': PRIVATE_KEY });
    expect(updated).toMatchObject({ name: 'ops2', public_key: PUBLIC_KEY });
    expect(updated).not.toHaveProperty('private_key');
  });

  it('accepts a profile without public key and refuses malformed keys without quoting them', async () => {
    expect((await create(emu, '/cloud/ssh_profiles', { name: 'bare' })).public_key).toBe('');
    const res = await emu.request('POST', '/cloud/ssh_profiles', { body: { name: 'bad', public_key: 'not-a-key', private_key: 'my-secret-material' } });
    expect(res.status).toBe(422);
    expect(Object.keys(res.json.errors).sort()).toEqual(['private_key', 'public_key']);
    expect(res.text).not.toContain('my-secret-material');
  });
});

describe('servers', () => {
  it('commissions, boots, reboots and shuts down through the documented states', async () => {
    const server = await create(emu, '/cloud/servers/', serverBody());
    expect(server).toMatchObject({
      state: 'commissioning',
      fqdn: '',
      public_ip: null,
      private_ip: null,
      server_array_id: null,
      ssh_profile_ids: [seeds.defaultSsh],
      brownfield_state: 'Pure',
      subnet_id: '',
      vpc_id: '',
      privateness: false,
    });
    const inactive = (await waitForState(emu, `/cloud/servers/${server.id}`, 'inactive')).json;
    expect(inactive.private_ip).toMatch(/^10\.200\./);

    await emu.frozen(async () => {
      const booting = await put(emu, `/cloud/servers/${server.id}/boot`, { id: server.id });
      expect(booting.state).toBe('booting');
      const again = await emu.request('PUT', `/cloud/servers/${server.id}/boot`, { body: { id: server.id } });
      expect(again.status).toBe(422);
      expect(again.json.errors.state[0]).toContain('is booting; boot needs it to be inactive');
    });
    const operational = (await waitForState(emu, `/cloud/servers/${server.id}`, 'operational')).json;
    expect(operational.fqdn).toMatch(/^web-1-[0-9a-f]{6}\.emulator\.imco\.test$/);
    expect(operational.public_ip).toMatch(/^198\.1[89]\./);

    expect((await emu.request('PUT', `/cloud/servers/${server.id}/boot`, { body: {} })).status).toBe(422);
    expect((await emu.request('DELETE', `/cloud/servers/${server.id}`)).json.errors.state[0]).toContain('operational');
    expect((await put(emu, `/cloud/servers/${server.id}/reboot`, {})).state).toBe('booting');
    await waitForState(emu, `/cloud/servers/${server.id}`, 'operational');
    expect((await put(emu, `/cloud/servers/${server.id}/shutdown`, {})).state).toBe('shutting_down');
    await waitForState(emu, `/cloud/servers/${server.id}`, 'inactive');
    expect((await emu.request('PUT', `/cloud/servers/${server.id}/reboot`, { body: {} })).status).toBe(422);
    expect((await emu.request('PUT', `/cloud/servers/${server.id}/override`, { body: {} })).status).toBe(422);
    expect((await put(emu, `/cloud/servers/${server.id}`, { id: server.id, name: 'web-renamed' })).name).toBe('web-renamed');

    await emu.frozen(async () => {
      expect((await emu.request('DELETE', `/cloud/servers/${server.id}`)).status).toBe(204);
      expect((await emu.request('GET', `/cloud/servers/${server.id}`)).json.state).toBe('decommissioning');
      expect((await emu.request('DELETE', `/cloud/servers/${server.id}`)).status).toBe(422);
    });
    await waitForGone(emu, `/cloud/servers/${server.id}`);

    const events = (await emu.request('GET', `/cloud/servers/${server.id}/events`));
    expect(events.status).toBe(404);
  });

  it('overrides a stalled server to operational and records events newest first', async () => {
    const server = await create(emu, '/cloud/servers', serverBody({ name: 'stuck' }));
    await waitForState(emu, `/cloud/servers/${server.id}`, 'inactive');
    emu.forceState('server', server.id, 'stalled');
    expect((await put(emu, `/cloud/servers/${server.id}/override`, {})).state).toBe('operational');
    const events = (await emu.request('GET', `/cloud/servers/${server.id}/events`)).json;
    expect(events.map((e: any) => e.header)).toEqual(['server operational', 'server stalled', 'server inactive', 'server commissioning']);
    expect(events.find((e: any) => e.header === 'server stalled').level).toBe('error');
    for (const e of events) expect(e).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{24}$/), timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/), resource_type: 'event' });
  });

  it('lists servers oldest first, checks placement and executes operational scripts', async () => {
    const awsPlans = (await emu.request('GET', `/cloud/cloud_providers/${seeds.awsProvider}/server_plans`)).json;
    const wrongPlan = await emu.request('POST', '/cloud/servers', { body: serverBody({ server_plan_id: awsPlans[0].id }) });
    expect(wrongPlan.json.errors.server_plan_id[0]).toContain('another cloud provider');
    const missing = await emu.request('POST', '/cloud/servers', { body: { name: 'x' } });
    expect(Object.keys(missing.json.errors).sort()).toEqual(['cloud_account_id', 'firewall_profile_id', 'server_plan_id', 'ssh_profile_id', 'template_id']);

    const script = await create(emu, '/blueprint/scripts', { name: 'restart app' });
    const withScripts = await create(emu, '/blueprint/templates', { name: 'ops', generic_image_id: seeds.genericImage });
    const ts = await create(emu, `/blueprint/templates/${withScripts.id}/scripts`, { type: 'operational', script_id: script.id });
    await create(emu, `/blueprint/templates/${withScripts.id}/scripts`, { type: 'boot', script_id: script.id });
    const first = await create(emu, '/cloud/servers', serverBody({ name: 'a', template_id: withScripts.id }));
    const second = await create(emu, '/cloud/servers', serverBody({ name: 'b' }));
    const ids = (await emu.request('GET', '/cloud/servers')).json.map((s: any) => s.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect((await emu.request('GET', `/blueprint/templates/${withScripts.id}/servers`)).json.map((s: any) => s.id)).toEqual([first.id]);

    const scripts = (await emu.request('GET', `/cloud/servers/${first.id}/operational_scripts`)).json;
    expect(scripts).toEqual([{ id: ts.id, type: 'operational', execution_order: 0, template_id: withScripts.id, script_id: script.id, parameter_values: {}, resource_type: 'template_script' }]);
    const notYet = await emu.request('PUT', `/cloud/servers/${first.id}/operational_scripts/${ts.id}/execute`, { body: {} });
    expect(notYet.json.errors.state[0]).toContain('operational');
    await waitForState(emu, `/cloud/servers/${first.id}`, 'inactive');
    await put(emu, `/cloud/servers/${first.id}/boot`, {});
    await waitForState(emu, `/cloud/servers/${first.id}`, 'operational');
    const event = await put(emu, `/cloud/servers/${first.id}/operational_scripts/${ts.id}/execute`, {});
    expect(event).toMatchObject({ level: 'info', header: 'Script execution requested', resource_type: 'event' });
    expect((await emu.request('PUT', `/cloud/servers/${first.id}/operational_scripts/${script.id}/execute`, { body: {} })).status).toBe(404);
    expect((await emu.request('DELETE', `/blueprint/templates/${withScripts.id}`)).json.errors.base[0]).toContain(first.id);
  });

  it('places servers on an available subnet of the same cloud account with an address from it', async () => {
    const vpc = await create(emu, '/network/vpcs', { name: 'v', cidr: '10.7.0.0/16', cloud_account_id: seeds.account, realm_provider_name: seeds.realmProviderName });
    await waitForState(emu, `/network/vpcs/${vpc.id}`, 'available');
    const subnet = await emu.frozen(async () => {
      const pending = await create(emu, `/network/vpcs/${vpc.id}/subnets`, { name: 's', cidr: '10.7.3.0/24', type: 'only_private' });
      const early = await emu.request('POST', '/cloud/servers', { body: serverBody({ subnet_id: pending.id }) });
      expect(early.json.errors.subnet_id[0]).toContain('wait until it is available');
      return pending;
    });
    await waitForState(emu, `/network/subnets/${subnet.id}`, 'available');
    const server = await create(emu, '/cloud/servers', serverBody({ name: 'private', subnet_id: subnet.id, privateness: true }));
    expect(server).toMatchObject({ subnet_id: subnet.id, vpc_id: vpc.id, privateness: true });
    const inactive = (await waitForState(emu, `/cloud/servers/${server.id}`, 'inactive')).json;
    expect(inactive.private_ip).toMatch(/^10\.7\.3\./);
    await put(emu, `/cloud/servers/${server.id}/boot`, {});
    expect((await waitForState(emu, `/cloud/servers/${server.id}`, 'operational')).json.public_ip).toBeNull();
    expect((await emu.request('GET', `/network/subnets/${subnet.id}/servers`)).json.map((s: any) => s.id)).toEqual([server.id]);
    expect((await emu.request('DELETE', `/network/subnets/${subnet.id}`)).json.errors.base[0]).toContain(server.id);
    const awsAccountSubnet = await emu.request('POST', '/cloud/servers', { body: serverBody({ subnet_id: subnet.id, cloud_account_id: seeds.awsAccount, server_plan_id: (await emu.request('GET', `/cloud/cloud_providers/${seeds.awsProvider}/server_plans`)).json[0].id }) });
    expect(awsAccountSubnet.json.errors.subnet_id[0]).toContain('cloud account');
  });
});

describe('server arrays', () => {
  it('commissions members, boots and shuts them down with the array, enlarges, empties and deletes', async () => {
    const array = await emu.frozen(async () => {
      const created = await create(emu, '/cloud/server_arrays/', { name: 'workers', template_id: template.id, server_plan_id: seeds.serverPlan, cloud_account_id: seeds.account, size: 2 });
      expect(created).toMatchObject({ state: 'inactive', size: 2, firewall_profile_id: seeds.defaultFirewall, ssh_profile_id: seeds.defaultSsh, ssh_profile_ids: [seeds.defaultSsh], privateness: false });
      const members = (await emu.request('GET', `/cloud/server_arrays/${created.id}/servers`)).json;
      expect(members.map((m: any) => [m.name, m.server_array_id, m.state])).toEqual([
        ['workers-1', created.id, 'commissioning'],
        ['workers-2', created.id, 'commissioning'],
      ]);
      return created;
    });

    expect((await put(emu, `/cloud/server_arrays/${array.id}/boot`, { id: array.id })).state).toBe('booting');
    await waitForState(emu, `/cloud/server_arrays/${array.id}`, 'operational');
    await emu.settle();
    const booted = (await emu.request('GET', `/cloud/server_arrays/${array.id}/servers`)).json;
    expect(booted.map((m: any) => m.state)).toEqual(['operational', 'operational']);
    const boot = await emu.request('PUT', `/cloud/server_arrays/${array.id}/boot`, { body: {} });
    expect(boot.status).toBe(422);
    const emptyWhileUp = await emu.request('PUT', `/cloud/server_arrays/${array.id}/empty`, { body: {} });
    expect(emptyWhileUp.status).toBe(422);

    const enlarged = await create(emu, `/cloud/server_arrays/${array.id}/servers`, { size: 1 });
    expect(enlarged.size).toBe(3);
    await emu.settle();
    expect((await emu.request('GET', `/cloud/server_arrays/${array.id}/servers`)).json.map((m: any) => [m.name, m.state])).toContainEqual(['workers-3', 'operational']);
    expect((await emu.request('POST', `/cloud/server_arrays/${array.id}/servers`, { body: { size: 0 } })).status).toBe(422);
    expect((await emu.request('POST', `/cloud/server_arrays/${array.id}/servers`, { body: { size: 'two' } })).status).toBe(422);

    expect((await put(emu, `/cloud/server_arrays/${array.id}/shutdown`, {})).state).toBe('shutting_down');
    await waitForState(emu, `/cloud/server_arrays/${array.id}`, 'inactive');
    await emu.settle();
    const grown = await create(emu, `/cloud/server_arrays/${array.id}/servers`, { size_increase: 1 });
    expect(grown.size).toBe(4);
    const notEmpty = await emu.request('DELETE', `/cloud/server_arrays/${array.id}`);
    expect(notEmpty.json.errors.size[0]).toContain('empty it first');

    const emptied = await put(emu, `/cloud/server_arrays/${array.id}/empty`, { id: array.id });
    expect(emptied.state).toBe('inactive');
    await emu.waitFor(`/cloud/server_arrays/${array.id}`, (r) => r.json.size === 0);
    expect((await emu.request('GET', `/cloud/server_arrays/${array.id}/servers`)).json).toEqual([]);
    expect((await put(emu, `/cloud/server_arrays/${array.id}`, { id: array.id, name: 'renamed' })).name).toBe('renamed');
    expect((await emu.request('DELETE', `/cloud/server_arrays/${array.id}`)).status).toBe(204);
    expect((await emu.request('GET', `/cloud/server_arrays/${array.id}`)).status).toBe(404);
  });

  it('refuses sizes beyond the limit and foreign plans', async () => {
    const big = await emu.request('POST', '/cloud/server_arrays', { body: { name: 'x', template_id: template.id, server_plan_id: seeds.serverPlan, cloud_account_id: seeds.account, size: 101 } });
    expect(big.json.errors.size[0]).toContain('between 0 and 100');
  });
});

describe('catalogues', () => {
  it('serves providers, plans, realms, images, locations, SaaS providers and the wizard lists', async () => {
    const providers = (await emu.request('GET', '/cloud/cloud_providers')).json;
    expect(providers.map((p: any) => p.name)).toEqual(['AWS', 'Microsoft Azure', 'DigitalOcean', 'Mock']);
    for (const p of providers) expect(p.required_credentials.length).toBeGreaterThan(0);
    const plans = (await emu.request('GET', `/cloud/cloud_providers/${seeds.awsProvider}/server_plans`)).json;
    expect(plans[0]).toMatchObject({ name: 't3.micro', memory: 1024, cpus: 2, storage: 8, cloud_provider_id: seeds.awsProvider, location_name: 'North America' });
    expect((await emu.request('GET', `/cloud/server_plans/${plans[0].id}`)).json.id).toBe(plans[0].id);
    const realms = (await emu.request('GET', `/cloud/cloud_providers/${seeds.awsProvider}/realms`)).json;
    expect(realms.map((r: any) => r.provider_name)).toEqual(['us-east-1', 'eu-west-1', 'ap-southeast-1', 'sa-east-1']);
    expect((await emu.request('GET', `/cloud/realms/${realms[1].id}`)).json.name).toBe('EU (Ireland)');
    const images = (await emu.request('GET', '/cloud/generic_images')).json.map((i: any) => i.name);
    expect(images).toEqual(expect.arrayContaining(['Ubuntu 22.04 Jammy Jellyfish x86_64', 'CentOS 7.9 x86_64', 'Windows Server 2019 Datacenter x86_64']));
    expect((await emu.request('GET', '/wizard/locations')).json.map((l: any) => l.name)).toEqual(['North America', 'Europe', 'Asia Pacific', 'South America']);
    expect((await emu.request('GET', '/cloud/saas_providers')).json[0]).toEqual({ id: expect.any(String), name: 'New Relic', required_account_data: ['license_key'], resource_type: 'saas_provider' });
    expect((await emu.request('GET', '/wizard/cloud_providers?app_id=x&location_id=y')).json).toHaveLength(4);
    expect((await emu.request('GET', '/wizard/cloud_accounts?app_id=x&location_id=y')).json).toHaveLength(4);
    expect((await emu.request('GET', '/cloud/cloud_providers/0123456789abcdef01234567/server_plans')).status).toBe(404);
  });
});
