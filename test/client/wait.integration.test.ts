// waitFor / waitForGone against the emulator's state machines: a server going commissioning →
// inactive → (boot) → operational, failure states ending the wait with the object's audit events,
// deadlines, vanished objects, and deletion.
import * as fs from 'node:fs';
import { ImcoWaitError, type ImcoClient, type Server } from '../../lib/client';
import { LeakRecorder } from '../support/client-leak-recorder';
import { mockSeeds, startClientHarness, type ClientHarness, type Seeds } from './support/emulator-client';

let h: ClientHarness;
let client: ImcoClient;
let seeds: Seeds;
let templateId: string;
let firewallId: string;
let sshId: string;
/** Poll fast relative to the emulator's 100 ms steps, so intermediate states are seen. */
const FAST_POLL = { pollIntervalMs: 5, maxPollIntervalMs: 10, timeoutMs: 10_000 };

beforeAll(async () => {
  h = await startClientHarness({ tickMs: 100 });
  client = h.client;
  seeds = await mockSeeds(client);
  templateId = (await client.templates.create({ name: 'wait-web', generic_image_id: seeds.genericImage })).id;
  firewallId = (await client.firewallProfiles.list()).find((f) => f.default)!.id;
  sshId = (await client.sshProfiles.list())[0].id;
});

afterAll(() => h.dispose());

function newServer(name: string): Promise<Server> {
  return client.servers.create({
    name,
    template_id: templateId,
    server_plan_id: seeds.serverPlan,
    cloud_account_id: seeds.account,
    ssh_profile_id: sshId,
    firewall_profile_id: firewallId,
  });
}

/** States in the order first seen. */
function distinct(states: (string | undefined)[]): string[] {
  return states.filter((s, i): s is string => s !== undefined && s !== states[i - 1]);
}

test('a server goes commissioning → inactive, then boots → operational', async () => {
  const server = await newServer('wait-1');
  expect(server.state).toBe('commissioning');
  const commissioning: (string | undefined)[] = [];
  const inactive = await client.waitFor<Server>('server', server.id, { states: ['inactive'] }, {
    ...FAST_POLL,
    onProgress: (_o, p) => commissioning.push(p.state),
  });
  expect(inactive.state).toBe('inactive');
  expect(distinct(commissioning)).toEqual(['commissioning', 'inactive']);

  const booting = await client.servers.boot(server.id);
  expect(booting.state).toBe('booting');
  const boot: (string | undefined)[] = [];
  const operational = await client.waitFor<Server>('server', server.id, (s) => s.state === 'operational', {
    ...FAST_POLL,
    description: 'an operational server',
    onProgress: (_o, p) => boot.push(p.state),
  });
  expect(operational.state).toBe('operational');
  expect(distinct(boot)).toEqual(['booting', 'bootstrapping', 'operational']);
});

test('a failure state ends the wait at once, with the server audit events in the error', async () => {
  const server = await newServer('wait-stall');
  await client.waitFor('server', server.id, { states: ['inactive'] }, FAST_POLL);
  await client.servers.boot(server.id);
  h.emu.forceState('server', server.id, 'stalled');
  const err = (await h.recorder.rejection(client.waitFor('server', server.id, { states: ['operational'] }, FAST_POLL))) as ImcoWaitError;
  expect(err).toBeInstanceOf(ImcoWaitError);
  expect(err).toMatchObject({ code: 'wait_failed', reason: 'failed_state', kind: 'server', id: server.id, lastState: 'stalled' });
  expect(err.events.length).toBeGreaterThan(0);
  const serverEvents = await client.servers.events(server.id);
  expect(err.events[0]).toEqual({
    timestamp: serverEvents[0].timestamp,
    level: serverEvents[0].level,
    header: serverEvents[0].header,
    description: serverEvents[0].description,
  });
  expect(err.message).toContain(`IMCO server 'wait-stall' (id ${server.id}) reached failure state 'stalled' while waiting for state operational; latest events: `);
  expect(err.message).toContain(serverEvents[0].header);
  expect(err.message).not.toContain('\n');

  // Waiting for the failure state itself is allowed.
  await expect(client.waitFor('server', server.id, { states: ['stalled'] }, FAST_POLL)).resolves.toMatchObject({ state: 'stalled' });
});

test('other kinds: a failure state brings the audit events that mention the object', async () => {
  const vpc = await client.vpcs.create({ name: 'wait-vpc', cidr: '10.9.0.0/16', cloud_account_id: seeds.account, realm_provider_name: seeds.realmProviderName });
  await client.waitFor('vpc', vpc.id, { states: ['available'] }, FAST_POLL);
  h.emu.forceState('vpc', vpc.id, 'error');
  const err = (await h.recorder.rejection(client.waitFor('vpc', vpc.id, { states: ['available'] }, FAST_POLL))) as ImcoWaitError;
  expect(err).toMatchObject({ reason: 'failed_state', lastState: 'error', kind: 'vpc' });
  expect(err.events.length).toBeGreaterThan(0);
  for (const event of err.events) expect(`${event.header} ${event.description}`).toMatch(new RegExp(`${vpc.id}|wait-vpc`));
});

test('the deadline ends a wait that cannot succeed, naming the state it is stuck in', async () => {
  const server = await newServer('wait-deadline');
  await client.waitFor('server', server.id, { states: ['inactive'] }, FAST_POLL);
  const err = (await h.recorder.rejection(
    client.waitFor('server', server.id, { states: ['operational'] }, { timeoutMs: 300, pollIntervalMs: 20 }),
  )) as ImcoWaitError;
  expect(err).toMatchObject({ reason: 'deadline', lastState: 'inactive' });
  expect(err.message).toMatch(
    new RegExp(`^IMCO server 'wait-deadline' \\(id ${server.id}\\) still 'inactive' after [\\d.]+s waiting for state operational; latest events: .+; allow a longer timeout or check the object in IMCO$`),
  );
});

test('waitForGone follows a decommission to 404; waitFor on a vanished object fails as gone', async () => {
  const server = await newServer('wait-gone');
  await client.waitFor('server', server.id, { states: ['inactive'] }, FAST_POLL);
  expect(await client.servers.remove(server.id)).toBe(true);
  const seen: (string | undefined)[] = [];
  await client.waitForGone('server', server.id, { ...FAST_POLL, onProgress: (_o, p) => seen.push(p.state) });
  expect(distinct(seen)).toEqual(['decommissioning']);
  const err = (await h.recorder.rejection(client.waitFor('server', server.id, { states: ['inactive'] }, FAST_POLL))) as ImcoWaitError;
  expect(err).toMatchObject({ reason: 'gone', id: server.id });
  expect(err.message).toBe(`IMCO server (id ${server.id}) disappeared (404) while waiting for state inactive`);
});

test('waitForGone gives up at its deadline while the object stays', async () => {
  const err = (await h.recorder.rejection(client.waitForGone('template', templateId, { timeoutMs: 200, pollIntervalMs: 20 }))) as ImcoWaitError;
  expect(err).toMatchObject({ reason: 'deadline', kind: 'template', id: templateId });
  expect(err.message).toContain(`IMCO template 'wait-web' (id ${templateId}) still exists ('created') after`);
});

test('template compile: compiling → ready', async () => {
  const compiling = await client.templates.compile(templateId);
  expect(compiling.state).toBe('compiling');
  const states: (string | undefined)[] = [];
  await client.waitFor('template', templateId, { states: ['ready'] }, { ...FAST_POLL, onProgress: (_o, p) => states.push(p.state) });
  expect(distinct(states)).toEqual(['compiling', 'ready']);
});

test('an unknown kind is a config error, not a crash', async () => {
  const err = await h.recorder.rejection(client.waitFor('spaceship', 'x', { states: ['ready'] }));
  expect(err).toMatchObject({ code: 'config' });
  expect(err.message).toContain("unknown IMCO kind 'spaceship'");
});

test('no error message or request line of this suite holds key material', () => {
  const clientKey = fs.readFileSync(h.emu.clientKey, 'utf8');
  expect(h.recorder.leaks(LeakRecorder.forbiddenFragments([clientKey], []))).toEqual([]);
});
