// The provider process's apply operations against the emulator over mTLS: one client shared by
// all of them, concurrent creates sharing one label listing and one list of their kind (each
// create: its label's POST and its object's POST; no read-back when the answer carries it), each
// operation still bounded by its own `timeouts` on that shared client.
import type { TfObject } from '../../../lib/provider/resource-type';
import type { ClientHarness } from '../../client/support/emulator-client';
import { type Provider, destroy, full, plan, withConfiguredProvider } from './support';

let h: ClientHarness;
let p: Provider;

withConfiguredProvider((harness, provider) => {
  h = harness;
  p = provider;
});

const TYPE = 'imco_firewall_profile';
const rule = (port: number) => ({ ip_protocol: 'tcp', min_port: port, max_port: port, source: '0.0.0.0/0' });
const fw = (name: string, timeouts: TfObject | null = null): TfObject =>
  full(p.resource(TYPE), { name, rules: [rule(443)], owner: `test.${name}`, timeouts });

async function createAll(configs: TfObject[]) {
  const r = p.resource(TYPE);
  const planned = await Promise.all(configs.map((c) => plan(p, r, null, c)));
  return Promise.all(configs.map((config, i) => r.apply({ prior: null, planned: planned[i].planned, config }, p.call)));
}

test('concurrent creates list the labels and their kind once and read nothing back: 2 requests per create and 2 per batch', async () => {
  h.emu.setLatency(20);
  const before = (await h.journal()).length;
  const names = Array.from({ length: 6 }, (_, i) => `shared-fw-${i}`);
  const applied = await createAll(names.map((n) => fw(n))).finally(() => h.emu.setLatency(0));
  expect(applied.flatMap((a) => a.diagnostics ?? [])).toEqual([]);
  const calls = (await h.journal()).slice(before).map((e) => `${e.method} ${e.path.split('?')[0].replace(/^\/v2/, '').replace(/\/[0-9a-f]{24}$/, '/{id}')}`);
  const n = (call: string) => calls.filter((c) => c === call).length;
  expect(n('GET /labels')).toBe(1);
  expect(n('POST /labels')).toBe(6);
  expect(n('POST /network/firewall_profiles')).toBe(6);
  expect(n('GET /network/firewall_profiles')).toBe(1);
  expect(n('GET /network/firewall_profiles/{id}')).toBe(0);
  expect(calls).toHaveLength(2 + 6 + 6);
  // The state comes from the POST's answer: the object as IMCO has it, with its label.
  for (const [i, a] of applied.entries()) {
    const live = (await h.emu.request('GET', `/network/firewall_profiles/${String(a.newState!.id)}`)).json as { name: string; label_ids: string[] };
    expect([a.newState!.name, live.name, a.newState!.rules]).toEqual([names[i], names[i], [rule(443)]]);
    expect(live.label_ids).toHaveLength(1);
  }
  for (const a of applied) await destroy(p, p.resource(TYPE), a.newState!);
});

test('operations at once on the shared client each end by their own deadline', async () => {
  const LATENCY_MS = 1500;
  h.emu.setLatency(LATENCY_MS);
  const started = Date.now();
  const [short, long] = await createAll([fw('short-fw', { create: '1s', update: null, delete: null }), fw('long-fw', { create: '60s', update: null, delete: null })]).finally(() =>
    h.emu.setLatency(0),
  );
  // The short one gave up at its 1 s deadline; the long one, which waited on the same label listing, went on and succeeded.
  expect(short.newState).toBeNull();
  const bound = /within (\d+) ms .*deadline reached/.exec(short.diagnostics?.[0]?.summary ?? '');
  expect(bound).not.toBeNull();
  expect(Number(bound![1])).toBeLessThanOrEqual(1000);
  expect(long.diagnostics ?? []).toEqual([]);
  expect(Date.now() - started).toBeGreaterThan(2 * LATENCY_MS);
  await new Promise((done) => setTimeout(done, LATENCY_MS + 200));
  const profiles = (await h.emu.request('GET', '/network/firewall_profiles')).json as { name: string }[];
  expect(profiles.filter((f) => f.name === 'long-fw')).toHaveLength(1);
  await destroy(p, p.resource(TYPE), long.newState!);
});
