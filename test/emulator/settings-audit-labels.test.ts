// Settings, audit and labels: cloud accounts (read-only), SaaS accounts (account_data write-only
// and checked against the provider), audit and system events (newest first), labels (name rule,
// uniqueness, label_ids on create, assign and unassign).
import { labelableResourceTypes } from '../../lib/catalog';
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { create, put, seedIds, type SeedIds } from './support/fixtures';

let emu: TestEmulator;
let seeds: SeedIds;
beforeAll(async () => {
  emu = await startTestEmulator();
  seeds = await seedIds(emu);
});
afterAll(() => emu.dispose());

describe('cloud accounts', () => {
  it('lists at least three seeded accounts and shows one; no create', async () => {
    const accounts = (await emu.request('GET', '/settings/cloud_accounts')).json;
    expect(accounts.length).toBeGreaterThanOrEqual(3);
    expect(accounts[0]).toMatchObject({ name: 'AWS-cloud_account-production', last_discovered_at: null, last_discovery_failed_at: null, supports_importing: true, resource_type: 'cloud_account' });
    expect((await emu.request('GET', `/settings/cloud_accounts/${seeds.account}`)).json.cloud_provider_id).toBe(seeds.provider);
    expect((await emu.request('POST', '/settings/cloud_accounts', { body: { name: 'x' } })).status).toBe(405);
  });
});

describe('SaaS accounts', () => {
  it('creates with exactly the provider required account data, never returns it, updates and deletes', async () => {
    const data = { api_key: 'dd-api-TOPSECRET', application_key: 'dd-app-TOPSECRET' };
    const account = await create(emu, '/settings/saas_accounts', { saas_provider_id: seeds.saasProvider, account_data: data });
    expect(account).toEqual({ id: expect.any(String), saas_provider_id: seeds.saasProvider, resource_type: 'saas_account' });
    const list = await emu.request('GET', '/settings/saas_accounts');
    expect(list.json).toEqual([account]);
    expect(list.text).not.toContain('TOPSECRET');

    const missing = await emu.request('POST', '/settings/saas_accounts', { body: { saas_provider_id: seeds.saasProvider, account_data: { api_key: 'k' } } });
    expect(missing.json.errors.account_data[0]).toContain('application_key');
    const extra = await emu.request('POST', '/settings/saas_accounts', { body: { saas_provider_id: seeds.saasProvider, account_data: { ...data, region: 'eu' } } });
    expect(extra.json.errors.account_data[0]).toContain('region');
    expect(extra.text).not.toContain('TOPSECRET');
    const notObject = await emu.request('POST', '/settings/saas_accounts', { body: { saas_provider_id: seeds.saasProvider, account_data: 'api_key=x' } });
    expect(notObject.json.errors.account_data[0]).toContain('JSON object');

    const updated = await put(emu, `/settings/saas_accounts/${account.id}`, { account_data: { api_key: 'new-SECRET', application_key: 'new-SECRET' } });
    expect(updated).toEqual(account);
    const badUpdate = await emu.request('PUT', `/settings/saas_accounts/${account.id}`, { body: { account_data: { api_key: 'x' } } });
    expect(badUpdate.status).toBe(422);
    const del = await emu.request('DELETE', `/settings/saas_accounts/${account.id}`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expect((await emu.request('GET', '/settings/saas_accounts')).json).toEqual([]);
  });
});

describe('audit events', () => {
  it('lists events newest first with RFC 3339 timestamps, shows one, and lists system events', async () => {
    await create(emu, '/blueprint/scripts', { name: 'first' });
    await create(emu, '/blueprint/scripts', { name: 'second' });
    const events = (await emu.request('GET', '/audit/events')).json;
    expect(events[0].description).toContain("'second'");
    expect(events[1].description).toContain("'first'");
    const times = events.map((e: any) => Date.parse(e.timestamp));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const e of events) expect(['info', 'warning', 'error']).toContain(e.level);
    expect((await emu.request('GET', `/audit/events/${events[0].id}`)).json).toEqual(events[0]);
    const system = (await emu.request('GET', '/audit/system_events')).json;
    expect(system[0]).toMatchObject({ header: 'Platform ready', level: 'info', resource_type: 'event' });
  });
});

describe('labels', () => {
  it('creates labels with the name rule and unique names per namespace', async () => {
    const label = await create(emu, '/labels/', { name: 'team.web_1 prod-eu' });
    expect(label).toEqual({ id: expect.any(String), name: 'team.web_1 prod-eu', namespace: '', value: '', resource_type: 'label' });
    expect((await emu.request('GET', `/labels/${label.id}`)).json).toEqual(label);
    const bad = await emu.request('POST', '/labels', { body: { name: 'web/prod' } });
    expect(bad.json.errors.name[0]).toContain("may contain only letters, digits, spaces, '.', '_' and '-'");
    const taken = await emu.request('POST', '/labels', { body: { name: 'team.web_1 prod-eu' } });
    expect(taken.json.errors.name[0]).toContain('already been taken');
    const namespaced = await create(emu, '/labels', { name: 'team.web_1 prod-eu', namespace: 'imco-cdktf', value: 'stack' });
    expect(namespaced).toMatchObject({ namespace: 'imco-cdktf', value: 'stack' });
  });

  it('checks label_ids on create of every labelable kind', async () => {
    const res = await emu.request('POST', '/blueprint/scripts', { body: { name: 's', label_ids: ['0123456789abcdef01234567'] } });
    expect(res.json.errors.label_ids[0]).toContain('refers to no label');
    const label = await create(emu, '/labels', { name: 'owner' });
    const script = await create(emu, '/blueprint/scripts', { name: 's', label_ids: [label.id, label.id] });
    expect(script.label_ids).toEqual([label.id]);
    expect(labelableResourceTypes()).toContain('script');
  });

  it('assigns and unassigns labels, updating label_ids', async () => {
    const label = await create(emu, '/labels', { name: 'assign me' });
    const script = await create(emu, '/blueprint/scripts', { name: 'tagged' });
    const profile = await create(emu, '/network/firewall_profiles', { name: 'fw' });
    const assigned = await create(emu, `/labels/${label.id}/resources`, {
      resources: [
        { id: script.id, resource_type: 'script' },
        { id: profile.id, resource_type: 'firewall_profile' },
      ],
    });
    expect(assigned).toEqual(expect.arrayContaining([{ id: script.id, resource_type: 'script' }, { id: profile.id, resource_type: 'firewall_profile' }]));
    expect((await emu.request('GET', `/blueprint/scripts/${script.id}`)).json.label_ids).toEqual([label.id]);

    const unknownType = await emu.request('POST', `/labels/${label.id}/resources`, { body: { resources: [{ id: script.id, resource_type: 'subnet' }] } });
    expect(unknownType.status).toBe(422);
    const unknownId = await emu.request('POST', `/labels/${label.id}/resources`, { body: { resources: [{ id: '0123456789abcdef01234567', resource_type: 'script' }] } });
    expect(unknownId.json.errors.resources[0]).toContain('no script');

    const removed = await emu.request('DELETE', `/labels/${label.id}/resources/script/${script.id}`);
    expect(removed.status).toBe(204);
    expect((await emu.request('GET', `/blueprint/scripts/${script.id}`)).json.label_ids).toEqual([]);
    expect((await emu.request('GET', `/network/firewall_profiles/${profile.id}`)).json.label_ids).toEqual([label.id]);
    expect((await emu.request('DELETE', `/labels/${label.id}/resources/subnet/${script.id}`)).status).toBe(404);
    expect((await emu.request('DELETE', `/labels/0123456789abcdef01234567/resources/script/${script.id}`)).status).toBe(404);
  });
});
