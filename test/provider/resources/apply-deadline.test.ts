// An apply operation ends by its `timeouts` block, requests included: against an IMCO that answers
// slower than the timeout, a create fails at the deadline with one diagnostic saying so, instead of
// waiting for the client's own per-request bounds (30 s per attempt, 60 s of retries); the same
// create succeeds once IMCO answers in time.
import type { ClientHarness } from '../../client/support/emulator-client';
import { type Provider, destroy, full, plan, withConfiguredProvider } from './support';

let h: ClientHarness;
let p: Provider;

withConfiguredProvider((harness, provider) => {
  h = harness;
  p = provider;
});

const TYPE = 'imco_firewall_profile';
const config = () =>
  full(p.resource(TYPE), {
    name: 'slow-fw',
    rules: [{ ip_protocol: 'tcp', min_port: 443, max_port: 443, source: '0.0.0.0/0' }],
    owner: 'test.slow-fw',
    timeouts: { create: '1s', update: null, delete: null },
  });

test('a create slower than timeouts.create fails at the deadline with one diagnostic; in time it succeeds', async () => {
  const r = p.resource(TYPE);
  const planned = await plan(p, r, null, config());
  expect(planned.diagnostics ?? []).toEqual([]);

  const LATENCY_MS = 2500;
  h.emu.setLatency(LATENCY_MS);
  const started = Date.now();
  const slow = await r.apply({ prior: null, planned: planned.planned, config: config() }, p.call).finally(() => h.emu.setLatency(0));
  const ms = Date.now() - started;
  // The emulator still answers the request that was given up on: let it, so nothing is left running.
  await new Promise((done) => setTimeout(done, Math.max(0, LATENCY_MS + 200 - ms)));
  expect(slow.newState).toBeNull();
  expect((slow.diagnostics ?? []).map((d) => d.severity)).toEqual(['error']);
  // The request was given up by the operation's own deadline (timeouts.create = 1 s), not by the
  // client's per-request bounds: the diagnostic names the bound it used.
  const bound = /within (\d+) ms .*deadline reached/.exec(slow.diagnostics![0].summary);
  expect(bound).not.toBeNull();
  expect(Number(bound![1])).toBeLessThanOrEqual(1000);
  expect(slow.diagnostics![0].summary).not.toContain('\n');

  const again = await r.apply({ prior: null, planned: planned.planned, config: config() }, p.call);
  expect(again.diagnostics ?? []).toEqual([]);
  const profiles = (await h.emu.request('GET', '/network/firewall_profiles')).json as { name: string }[];
  expect(profiles.filter((f) => f.name === 'slow-fw')).toHaveLength(1);
  await destroy(p, r, again.newState!);
});
