// The client on a flaky platform: the emulator injects 503/429/500 answers and dropped connections;
// creates still yield exactly one object, Retry-After is honoured, the deadline bounds retries, and
// a lost POST answer is reported as an unknown outcome that createOnce resolves by looking up.
import * as fs from 'node:fs';
import { ImcoError, ImcoOutcomeUnknownError, type ImcoClient, type Label, type Script } from '../../lib/client';
import { LeakRecorder } from '../support/client-leak-recorder';
import { mockSeeds, startClientHarness, type ClientHarness, type Seeds } from './support/emulator-client';

let h: ClientHarness;
let client: ImcoClient;
let seeds: Seeds;

beforeAll(async () => {
  h = await startClientHarness();
  client = h.client;
  seeds = await mockSeeds(client);
});

afterEach(() => h.emu.setFaults(''));
afterAll(() => h.dispose());

/** Finds the one object of `kind` carrying the label, or undefined; several is a test failure. */
async function ownedBy<T extends { id: string; label_ids?: string[] }>(kind: string, labelId: string): Promise<T | undefined> {
  const owned = (await client.list<T>(kind)).filter((o) => o.label_ids?.includes(labelId));
  if (owned.length > 1) throw new Error(`${owned.length} ${kind}s carry label ${labelId}`);
  return owned[0];
}

async function labelNamed(name: string): Promise<Label | undefined> {
  return (await client.labels.list()).find((l) => l.name === name);
}

test('creates under 30% injected 503s: every create yields exactly one object', async () => {
  h.emu.setFaults('503:0.3:0', 7); // Retry-After: 0 keeps the test fast; the 429 test covers waiting
  const before = (await h.journal()).length;
  const created: string[] = [];
  for (let i = 0; i < 10; i++) {
    const label = await client.createOnce<Label>('label', { name: `fault-503-${i}` }, { find: () => labelNamed(`fault-503-${i}`) });
    const vpc = await client.vpcs.create({
      name: `flaky-${i}`,
      cidr: `10.${i}.0.0/16`,
      cloud_account_id: seeds.account,
      realm_provider_name: seeds.realmProviderName,
      label_ids: [label.id],
    });
    created.push(vpc.id);
    expect((await ownedBy('vpc', label.id))?.id).toBe(vpc.id);
  }
  const journal = (await h.journal()).slice(before);
  const vpcPosts = journal.filter((e) => e.method === 'POST' && e.path === '/v2/network/vpcs');
  expect(vpcPosts.filter((e) => e.fault === '503').length).toBeGreaterThan(0);
  expect(vpcPosts.filter((e) => e.status >= 200 && e.status < 300)).toHaveLength(10);
  h.emu.setFaults('');
  const vpcs = (await client.vpcs.list()).filter((v) => v.name.startsWith('flaky-'));
  expect(vpcs.map((v) => v.id).sort()).toEqual([...created].sort());
});

test('dropped connections on POST: create reports an unknown outcome and never repeats the POST', async () => {
  h.emu.setFaults('reset:0.6', 11);
  const before = (await h.journal()).length;
  const outcomes: ('created' | 'unknown')[] = [];
  for (let i = 0; i < 12; i++) {
    try {
      await client.scripts.create({ name: `plain-${i}` });
      outcomes.push('created');
    } catch (err) {
      h.recorder.record(err);
      expect(err).toBeInstanceOf(ImcoOutcomeUnknownError);
      expect(err).toMatchObject({ code: 'outcome_unknown', method: 'POST', path: '/blueprint/scripts' });
      outcomes.push('unknown');
    }
  }
  expect(outcomes).toContain('unknown');
  expect(outcomes).toContain('created');
  const posts = (await h.journal()).slice(before).filter((e) => e.method === 'POST' && e.path === '/v2/blueprint/scripts');
  expect(posts).toHaveLength(12);
  h.emu.setFaults('');
  const scripts = await client.scripts.list();
  outcomes.forEach((outcome, i) => {
    const named = scripts.filter((s) => s.name === `plain-${i}`).length;
    if (outcome === 'created') expect(named).toBe(1);
    else expect(named).toBeLessThanOrEqual(1);
  });
});

test('createOnce under dropped connections (before and after processing): exactly one object per create', async () => {
  h.emu.setFaults('reset:0.35', 23);
  const before = (await h.journal()).length;
  const results: Script[] = [];
  for (let i = 0; i < 12; i++) {
    const name = `owned-${i}`;
    const label = await client.createOnce<Label>('label', { name }, { find: () => labelNamed(name) });
    const script = await client.createOnce<Script>(
      'script',
      { name, code: 'echo owned', label_ids: [label.id] },
      { find: () => ownedBy<Script>('script', label.id) },
    );
    results.push(script);
  }
  const journal = (await h.journal()).slice(before);
  const faults = journal.filter((e) => e.method === 'POST').map((e) => e.fault);
  expect(faults).toContain('reset:after');
  expect(faults).toContain('reset:before');
  h.emu.setFaults('');
  const labels = await client.labels.list();
  for (let i = 0; i < 12; i++) {
    const name = `owned-${i}`;
    expect(labels.filter((l) => l.name === name)).toHaveLength(1);
    const label = labels.find((l) => l.name === name)!;
    const owned = (await client.scripts.list()).filter((s) => s.label_ids?.includes(label.id));
    expect(owned.map((s) => s.id)).toEqual([results[i].id]);
  }
});

test("a 429's Retry-After from IMCO is waited out before the retry", async () => {
  h.emu.setFaults('429:0.5:1', 3);
  const from = h.lines.length;
  const limitedLines = () => h.lines.slice(from).filter((l) => l.status === 429);
  for (let i = 0; i < 10 && limitedLines().length === 0; i++) await client.locations.list();
  const limited = limitedLines();
  expect(limited.length).toBeGreaterThan(0);
  expect(h.lines[h.lines.length - 1]).toMatchObject({ path: '/wizard/locations', status: 200 });
  for (const line of limited) expect(line.retryInMs).toBeGreaterThanOrEqual(1000);
});

test('the total deadline bounds retries against a platform that keeps failing', async () => {
  h.emu.setFaults('503:1:0', 5);
  const patient = h.newClient({ retry: { attempts: 500, baseDelayMs: 10, maxDelayMs: 50, deadlineMs: 600 } });
  const before = (await h.journal()).length;
  const err = (await h.recorder.rejection(patient.vpcs.list())) as ImcoError;
  expect(err).toMatchObject({ code: 'http', status: 503, method: 'GET', path: '/network/vpcs' });
  expect(err.message).toMatch(/^IMCO GET \/network\/vpcs failed \(503\): service temporarily unavailable.* \(gave up after \d+ attempts: retry deadline of 0.6s reached\)$/);
  expect(err.attempts).toBeGreaterThan(1);
  const sent = (await h.journal()).slice(before).filter((e) => e.path === '/v2/network/vpcs').length;
  expect(sent).toBe(err.attempts);
  expect(sent).toBeLessThan(500);
});

test('500s are retried like 503s; 4xx answers are not retried', async () => {
  h.emu.setFaults('500:0.5', 9);
  const before = (await h.journal()).length;
  for (let i = 0; i < 5; i++) await client.genericImages.list();
  const journal = (await h.journal()).slice(before);
  expect(journal.some((e) => e.status === 500)).toBe(true);
  expect(journal.filter((e) => e.status === 200)).toHaveLength(5);
  h.emu.setFaults('');
  const beforeMissing = (await h.journal()).length;
  const missing = (await h.recorder.rejection(client.vpcs.show('000000000000000000000000'))) as ImcoError;
  expect(missing.status).toBe(404);
  expect((await h.journal()).slice(beforeMissing)).toHaveLength(1);
});

test('no error message or request line of this suite holds key material', () => {
  const clientKey = fs.readFileSync(h.emu.clientKey, 'utf8');
  expect(h.recorder.lines.length).toBeGreaterThan(50);
  expect(h.recorder.leaks(LeakRecorder.forbiddenFragments([clientKey], []))).toEqual([]);
});
