// Storage namespace: volumes sized within their storage plan, attach/detach states and devices,
// delete only when detached, server_id filter; storage plans listed per provider and shown.
import { startTestEmulator, waitForGone, waitForState, type TestEmulator } from '../support/emulator';
import { create, seedIds, type SeedIds } from './support/fixtures';

let emu: TestEmulator;
let seeds: SeedIds;
let plans: any[];
beforeAll(async () => {
  emu = await startTestEmulator();
  seeds = await seedIds(emu);
  plans = (await emu.request('GET', `/cloud/cloud_providers/${seeds.provider}/storage_plans`)).json;
});
afterAll(() => emu.dispose());

const volumeBody = (patch: Record<string, unknown> = {}) => ({ name: 'data', size: 10, cloud_account_id: seeds.account, storage_plan_id: seeds.storagePlan, ...patch });

async function inactiveServer(name: string, account = seeds.account, plan = seeds.serverPlan): Promise<any> {
  const template = await create(emu, '/blueprint/templates', { name: `${name} template`, generic_image_id: seeds.genericImage });
  const server = await create(emu, '/cloud/servers/', {
    name,
    template_id: template.id,
    server_plan_id: plan,
    cloud_account_id: account,
    ssh_profile_id: seeds.defaultSsh,
    firewall_profile_id: seeds.defaultFirewall,
  });
  return (await waitForState(emu, `/cloud/servers/${server.id}`, 'inactive')).json;
}

it('lists storage plans per provider with integer bounds and shows one', async () => {
  expect(plans.length).toBeGreaterThan(0);
  for (const p of plans) {
    expect(Number.isInteger(p.min_size) && Number.isInteger(p.max_size)).toBe(true);
    expect(p.cloud_provider_id).toBe(seeds.provider);
  }
  const shown = (await emu.request('GET', `/storage/plans/${seeds.storagePlan}`)).json;
  expect(shown).toMatchObject({ id: seeds.storagePlan, min_size: 1, max_size: 100, deprecated: false, resource_type: 'storage_plan' });
  expect((await emu.request('GET', '/storage/plans/0123456789abcdef01234567')).status).toBe(404);
});

it('refuses sizes outside the plan, deprecated plans and plans of another provider', async () => {
  for (const size of [0, 101]) {
    const res = await emu.request('POST', '/storage/volumes', { body: volumeBody({ size }) });
    expect(res.status).toBe(422);
    expect(res.json.errors.size[0]).toBe(`${size} GB is outside storage plan 'Mock disk' bounds; use 1 to 100 GB`);
  }
  const deprecated = plans.find((p) => p.deprecated);
  expect((await emu.request('POST', '/storage/volumes', { body: volumeBody({ storage_plan_id: deprecated.id, size: 5 }) })).json.errors.storage_plan_id[0]).toContain('deprecated');
  const awsPlans = (await emu.request('GET', `/cloud/cloud_providers/${seeds.awsProvider}/storage_plans`)).json;
  const foreign = await emu.request('POST', '/storage/volumes', { body: volumeBody({ storage_plan_id: awsPlans[0].id }) });
  expect(foreign.json.errors.storage_plan_id[0]).toContain('another cloud provider');
  const edge = await create(emu, '/storage/volumes', volumeBody({ size: 100 }));
  expect(edge.size).toBe(100);
});

it('attaches (attaching → attached, answering the server), lists per server, detaches and deletes', async () => {
  const server = await inactiveServer('db-1');
  const volume = await emu.frozen(async () => {
    const pending = await create(emu, '/storage/volumes/', volumeBody());
    expect(pending).toMatchObject({ state: 'provisioning', size: 10, device: '', attached_server_id: null, brownfield: false, remote_id: expect.stringMatching(/^vol-/) });
    const early = await emu.request('POST', `/storage/volumes/${pending.id}/attached_server`, { body: { attached_server_id: server.id } });
    expect(early.json.errors.state[0]).toContain('provisioning');
    return pending;
  });
  const plan = (await emu.request('GET', `/storage/plans/${seeds.storagePlan}`)).json;
  expect(volume.realm_id).toBe(plan.realm_id);
  await waitForState(emu, `/storage/volumes/${volume.id}`, 'available');

  const missing = await emu.request('POST', `/storage/volumes/${volume.id}/attached_server`, { body: {} });
  expect(missing.json.errors.attached_server_id).toBeDefined();
  await emu.frozen(async () => {
    const answer = await create(emu, `/storage/volumes/${volume.id}/attached_server`, { attached_server_id: server.id });
    expect(answer).toMatchObject({ id: server.id, resource_type: 'server', state: 'inactive' });
    const attaching = (await emu.request('GET', `/storage/volumes/${volume.id}`)).json;
    expect(attaching).toMatchObject({ state: 'attaching', attached_server_id: server.id, device: '/dev/xvdf' });
  });
  await waitForState(emu, `/storage/volumes/${volume.id}`, 'attached');

  const second = await create(emu, '/storage/volumes', volumeBody({ name: 'logs', size: 1 }));
  await waitForState(emu, `/storage/volumes/${second.id}`, 'available');
  await create(emu, `/storage/volumes/${second.id}/attached_server`, { attached_server_id: server.id });
  expect((await emu.request('GET', `/storage/volumes/${second.id}`)).json.device).toBe('/dev/xvdg');
  const perServer = (await emu.request('GET', `/cloud/servers/${server.id}/volumes`)).json.map((v: any) => v.id);
  expect(perServer).toEqual([volume.id, second.id]);
  expect((await emu.request('GET', `/storage/volumes?server_id=${server.id}`)).json.map((v: any) => v.id)).toEqual(perServer);

  const blocked = await emu.request('DELETE', `/storage/volumes/${volume.id}`);
  expect(blocked.json.errors.state[0]).toContain('attached');
  await emu.frozen(async () => {
    expect((await emu.request('DELETE', `/storage/volumes/${volume.id}/attached_server`)).status).toBe(204);
    expect((await emu.request('GET', `/storage/volumes/${volume.id}`)).json.state).toBe('detaching');
  });
  const detached = await waitForState(emu, `/storage/volumes/${volume.id}`, 'available');
  expect(detached.json).toMatchObject({ attached_server_id: null, device: '' });
  expect((await emu.request('DELETE', `/storage/volumes/${volume.id}/attached_server`)).status).toBe(422);
  expect((await emu.request('DELETE', `/storage/volumes/${volume.id}`)).status).toBe(204);
  await waitForGone(emu, `/storage/volumes/${volume.id}`);
});

it('refuses to attach to a server of another cloud account and frees volumes of a decommissioned server', async () => {
  const awsPlans = (await emu.request('GET', `/cloud/cloud_providers/${seeds.awsProvider}/server_plans`)).json;
  const awsServer = await inactiveServer('aws-1', seeds.awsAccount, awsPlans[0].id);
  const volume = await create(emu, '/storage/volumes', volumeBody({ name: 'v2' }));
  await waitForState(emu, `/storage/volumes/${volume.id}`, 'available');
  const res = await emu.request('POST', `/storage/volumes/${volume.id}/attached_server`, { body: { attached_server_id: awsServer.id } });
  expect(res.json.errors.attached_server_id[0]).toContain('same cloud account');

  const server = await inactiveServer('db-2');
  await create(emu, `/storage/volumes/${volume.id}/attached_server`, { attached_server_id: server.id });
  expect((await emu.request('DELETE', `/cloud/servers/${server.id}`)).status).toBe(204);
  await waitForGone(emu, `/cloud/servers/${server.id}`);
  expect((await emu.request('GET', `/storage/volumes/${volume.id}`)).json).toMatchObject({ state: 'available', attached_server_id: null, device: '' });
});
