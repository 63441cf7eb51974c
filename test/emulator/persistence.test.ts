// Persistence across restarts: objects, ids, seeds, certificates and pending state transitions
// survive; client.xml follows the new port; the journal is appended; the state file is written
// atomically; one emulator per directory; seeds are stable and distinguishable from user objects.
import { promises as fs, statSync } from 'node:fs';
import { startTestEmulator, waitForGone, waitForState, type TestEmulator } from '../support/emulator';
import { create, put, seedIds } from './support/fixtures';

const lines = async (path: string) => (await fs.readFile(path, 'utf8')).split('\n').filter(Boolean);

it('keeps objects, seeds, certificates and pending transitions across restarts', async () => {
  let emu: TestEmulator = await startTestEmulator({ tickMs: 10 });
  const dir = emu.dir;
  try {
    const seeds = await seedIds(emu);
    const script = await create(emu, '/blueprint/scripts', { name: 'persisted', code: 'echo' });
    const template = await create(emu, '/blueprint/templates', { name: 't', generic_image_id: seeds.genericImage });
    const server = await create(emu, '/cloud/servers', {
      name: 'resumed',
      template_id: template.id,
      server_plan_id: seeds.serverPlan,
      cloud_account_id: seeds.account,
      ssh_profile_id: seeds.defaultSsh,
      firewall_profile_id: seeds.defaultFirewall,
    });
    await waitForState(emu, `/cloud/servers/${server.id}`, 'inactive');
    const ca = await fs.readFile(emu.caCert, 'utf8');
    await emu.stop();
    const journalBefore = await lines(emu.journalPath);
    expect((await fs.readdir(dir)).filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(statSync(emu.statePath).mode & 0o777).toBe(0o600);

    // Second run: steps are an hour long, so the boot cannot progress before the stop.
    emu = await startTestEmulator({ dir, tickMs: 3_600_000 });
    expect(await fs.readFile(emu.caCert, 'utf8')).toBe(ca);
    expect(await fs.readFile(emu.clientXml, 'utf8')).toContain(`server="https://127.0.0.1:${emu.port}/v2/"`);
    expect((await emu.request('GET', `/blueprint/scripts/${script.id}`)).json).toMatchObject({ name: 'persisted', code: 'echo' });
    expect(await seedIds(emu)).toEqual(seeds);
    expect((await put(emu, `/cloud/servers/${server.id}/boot`, {})).state).toBe('booting');
    await emu.stop();
    const state = JSON.parse(await fs.readFile(emu.statePath, 'utf8'));
    expect(state.transitions).toEqual([{ kind: 'server', id: server.id, steps: ['bootstrapping', 'operational'], nextAt: expect.any(Number) }]);

    // Third run: the pending boot resumes and completes.
    emu = await startTestEmulator({ dir, tickMs: 10 });
    expect((await emu.request('GET', `/cloud/servers/${server.id}`)).json.state).not.toBe('inactive');
    await waitForState(emu, `/cloud/servers/${server.id}`, 'operational');
    await emu.flush();
    const journalAfter = await lines(emu.journalPath);
    expect(journalAfter.slice(0, journalBefore.length)).toEqual(journalBefore);
    expect(journalAfter.length).toBeGreaterThan(journalBefore.length);
  } finally {
    await emu.dispose();
  }
});

it('gives seeded objects the same ids in every fresh directory and tells them from user objects', async () => {
  const a = await startTestEmulator();
  const b = await startTestEmulator();
  try {
    expect(a.snapshot().cloud_provider).toEqual(b.snapshot().cloud_provider);
    const seeds = await seedIds(a);
    expect(await seedIds(b)).toEqual(seeds);
    expect(a.isSeeded('firewall_profile', seeds.defaultFirewall)).toBe(true);
    expect(a.userObjects()).toEqual([]);

    const label = await create(a, '/labels', { name: 'owner' });
    const script = await create(a, '/blueprint/scripts', { name: 'mine', label_ids: [label.id] });
    const vpc = await create(a, '/network/vpcs', { name: 'mine', cidr: '10.0.0.0/16', cloud_account_id: seeds.account, realm_provider_name: seeds.realmProviderName });
    expect(a.userObjects()).toEqual([
      { kind: 'script', id: script.id, name: 'mine' },
      { kind: 'vpc', id: vpc.id, name: 'mine', state: 'provisioning' },
    ]);
    expect(a.isSeeded('script', script.id)).toBe(false);
    await waitForState(a, `/network/vpcs/${vpc.id}`, 'available');
    await a.request('DELETE', `/network/vpcs/${vpc.id}`);
    await a.request('DELETE', `/blueprint/scripts/${script.id}`);
    await waitForGone(a, `/network/vpcs/${vpc.id}`);
    expect(a.userObjects()).toEqual([]);
  } finally {
    await a.dispose();
    await b.dispose();
  }
});

it('allows one emulator per directory and explains a broken state file', async () => {
  const emu = await startTestEmulator();
  try {
    await expect(startTestEmulator({ dir: emu.dir })).rejects.toThrow(/already serves/);
  } finally {
    await emu.stop();
  }
  await fs.writeFile(emu.statePath, '{"half":');
  await expect(startTestEmulator({ dir: emu.dir })).rejects.toThrow(/state\.json is not valid JSON .*move it away/);
  await fs.rm(emu.dir, { recursive: true, force: true });
});
