// imco_firewall_profile against the emulator over mTLS: create, refresh without diff, a new rule as
// one PUT with the id unchanged, drift shown and repaired, delete and wait, read of a deleted
// object, import of a hand-made profile, and the crash-safe create that adopts its labelled object.
import { stackInstanceTag } from '../../../lib/spec/identity';
import { OWNER_NAMESPACE } from '../../../lib/spec/spec';
import { DEFAULT_STACK_IDENTITY } from '../../../lib/provider/resources/session';
import type { TfObject } from '../../../lib/provider/resource-type';
import type { ClientHarness } from '../../client/support/emulator-client';
import { type Provider, configuredProvider, destroy, full, plan, planApply, withConfiguredProvider } from './support';

let h: ClientHarness;
let p: Provider;

withConfiguredProvider((harness, provider) => {
  h = harness;
  p = provider;
});

const TYPE = 'imco_firewall_profile';
const rule = (port: number) => ({ ip_protocol: 'tcp', min_port: port, max_port: port, source: '0.0.0.0/0' });
const fwConfig = (name: string, ports: number[], owner?: string): TfObject =>
  full(p.resource(TYPE), { name, description: 'web tier', rules: ports.map(rule), owner: owner ?? null });

async function journalSince(n: number) {
  return (await h.journal()).slice(n);
}

test('create, refresh, one PUT for a new rule, drift repaired, delete, read of the deleted object', async () => {
  const r = p.resource(TYPE);
  const { state: created } = await planApply(p, r, null, fwConfig('web-fw', [22], 'test.web-fw'));
  expect(created.id).toMatch(/.+/);
  expect(created.rules).toEqual([rule(22)]);
  const live = await h.emu.request('GET', `/network/firewall_profiles/${String(created.id)}`);
  expect(live.json.label_ids).toHaveLength(1);

  // Refresh: the live object reads back as the same state; planning the same config changes nothing.
  const read = await r.read({ current: created }, p.call);
  expect(read.newState).toEqual(created);
  const noop = await plan(p, r, read.newState, fwConfig('web-fw', [22], 'test.web-fw'));
  expect(noop.planned).toEqual(created);
  expect(noop.requiresReplace).toEqual([]);

  // A new rule: in place, exactly one PUT, the id unchanged.
  const before = (await h.journal()).length;
  const { plan: upPlan, state: updated } = await planApply(p, r, created, fwConfig('web-fw', [22, 443], 'test.web-fw'));
  expect(upPlan.requiresReplace).toEqual([]);
  expect(updated.id).toBe(created.id);
  const writes = (await journalSince(before)).filter((e) => e.method !== 'GET');
  expect(writes.map((e) => e.method)).toEqual(['PUT']);
  expect(writes[0].path).toContain(`/network/firewall_profiles/${String(created.id)}`);
  expect((await h.emu.request('GET', `/network/firewall_profiles/${String(created.id)}`)).json.rules).toHaveLength(2);

  // Drift: a rename in IMCO shows in the refresh, and apply puts it back.
  await h.emu.request('PUT', `/network/firewall_profiles/${String(created.id)}`, { body: { name: 'renamed-by-hand' } });
  const drifted = (await r.read({ current: updated }, p.call)).newState!;
  expect(drifted.name).toBe('renamed-by-hand');
  const { state: repaired } = await planApply(p, r, drifted, fwConfig('web-fw', [22, 443], 'test.web-fw'));
  expect(repaired.name).toBe('web-fw');
  expect((await h.emu.request('GET', `/network/firewall_profiles/${String(created.id)}`)).json.name).toBe('web-fw');

  await destroy(p, r, repaired);
  expect((await h.emu.request('GET', `/network/firewall_profiles/${String(created.id)}`)).status).toBe(404);
  expect((await r.read({ current: repaired }, p.call)).newState).toBeNull();
});

test('an object deleted outside Terraform reads as null', async () => {
  const r = p.resource(TYPE);
  const { state } = await planApply(p, r, null, fwConfig('gone-fw', [80], 'test.gone-fw'));
  await h.emu.request('DELETE', `/network/firewall_profiles/${String(state.id)}`);
  expect((await r.read({ current: state }, p.call)).newState).toBeNull();
});

test('import of a hand-made profile: the read fills every attribute, and the same config plans no change', async () => {
  const r = p.resource(TYPE);
  const made = await h.emu.request('POST', '/network/firewall_profiles', {
    body: { name: 'hand-made', description: 'by hand', rules: [rule(8080)] },
  });
  expect(made.status).toBe(201);
  const imported = await r.importState(String(made.json.id), p.call);
  expect(imported.diagnostics ?? []).toEqual([]);
  expect(imported.states[0].id).toBe(made.json.id);
  const read = (await r.read({ current: imported.states[0] }, p.call)).newState!;
  expect(read).toMatchObject({ id: made.json.id, name: 'hand-made', description: 'by hand', rules: [rule(8080)] });
  for (const a of r.schema.attributes.filter((x) => x.required)) expect(read[a.name]).not.toBeNull();
  const config = full(r, { name: 'hand-made', description: 'by hand', rules: [rule(8080)] });
  const res = await plan(p, r, read, config);
  expect(res.planned).toEqual(read);
  expect((await p.resource(TYPE).importState('', p.call)).diagnostics![0].summary).toMatch(/import id '' of imco_firewall_profile must be <id>/);
});

test('crash-safe create: a labelled object left by a killed create is adopted, leaving exactly one', async () => {
  const r = p.resource(TYPE);
  const owner = 'test.killed-fw';
  // What the killed apply left behind: its ownership label, and the POSTed profile carrying it.
  const value = stackInstanceTag(DEFAULT_STACK_IDENTITY.instance, DEFAULT_STACK_IDENTITY.stack);
  const label = await h.emu.request('POST', '/labels', { body: { name: owner, namespace: OWNER_NAMESPACE, value } });
  const orphan = await h.emu.request('POST', '/network/firewall_profiles', {
    body: { name: 'killed-fw', rules: [rule(22)], label_ids: [label.json.id] },
  });
  const before = (await h.journal()).length;
  const { state } = await planApply(p, r, null, fwConfig('killed-fw', [22, 443], owner));
  expect(state.id).toBe(orphan.json.id);
  const posts = (await journalSince(before)).filter((e) => e.method === 'POST');
  expect(posts).toEqual([]);
  const all = await h.emu.request('GET', '/network/firewall_profiles');
  expect((all.json as { name: string }[]).filter((f) => f.name === 'killed-fw')).toHaveLength(1);
  expect((await h.emu.request('GET', `/network/firewall_profiles/${String(orphan.json.id)}`)).json.rules).toHaveLength(2);
});

test("another stack instance's object with the same owner label name is refused, never adopted", async () => {
  const r = p.resource(TYPE);
  const owner = 'test.foreign-fw';
  const value = stackInstanceTag('another-repo-instance', DEFAULT_STACK_IDENTITY.stack);
  const label = await h.emu.request('POST', '/labels', { body: { name: owner, namespace: OWNER_NAMESPACE, value } });
  const theirs = await h.emu.request('POST', '/network/firewall_profiles', { body: { name: 'foreign-fw', rules: [rule(22)], label_ids: [label.json.id] } });
  const config = fwConfig('foreign-fw', [443], owner);
  const planned = await plan(p, r, null, config);
  const res = await r.apply({ prior: null, planned: planned.planned, config }, p.call);
  expect(res.newState).toBeNull();
  expect(res.diagnostics?.map((d) => d.summary)).toEqual([expect.stringContaining('another-repo-instance')]);
  expect((await h.emu.request('GET', `/network/firewall_profiles/${String(theirs.json.id)}`)).json.rules).toEqual([rule(22)]);
});

test('the labels the provider makes carry the stack and stack instance of the provider block', async () => {
  const q = await configuredProvider(h, { stack: 'prod', stack_instance: 'repo-a-1234567' });
  const r = q.resource(TYPE);
  const { state } = await planApply(q, r, null, fwConfig('tagged-fw', [22], 'prod.tagged-fw-0123456789abcdef'));
  const labels = (await h.emu.request('GET', '/labels')).json as { id: string; name: string; namespace: string; value: string }[];
  const mine = labels.find((l) => l.name === 'prod.tagged-fw-0123456789abcdef')!;
  expect([mine.namespace, mine.value]).toEqual([OWNER_NAMESPACE, stackInstanceTag('repo-a-1234567', 'prod')]);
  expect((await h.emu.request('GET', `/network/firewall_profiles/${String(state.id)}`)).json.label_ids).toContain(mine.id);
  await destroy(q, r, state);
});

test('a same-named profile without our label is refused with an import hint, in one line', async () => {
  const r = p.resource(TYPE);
  await h.emu.request('POST', '/network/firewall_profiles', { body: { name: 'twin-fw', rules: [] } });
  const config = fwConfig('twin-fw', [22], 'test.twin-fw');
  const planned = await plan(p, r, null, config);
  const res = await r.apply({ prior: null, planned: planned.planned, config }, p.call);
  expect(res.newState).toBeNull();
  expect(res.diagnostics).toHaveLength(1);
  expect(res.diagnostics![0].summary).toMatch(/already exists .* import block/);
  expect(res.diagnostics![0].summary).not.toContain('\n');
});

test('the endpoint is kept in state; an update or delete on another endpoint is refused', async () => {
  const r = p.resource(TYPE);
  const { state } = await planApply(p, r, null, fwConfig('ep-fw', [22], 'test.ep-fw'));
  expect(state.endpoint).toBe(h.emu.endpoint.replace(/\/?$/, '').replace(/(\/v2)?$/, '/v2'));
  const moved = { ...state, endpoint: 'https://elsewhere.example.com:886/v2' };
  const res = await r.apply({ prior: moved, planned: null, config: null }, p.call);
  expect(res.newState).toEqual(moved);
  expect(res.diagnostics![0].summary).toMatch(/lives on https:\/\/elsewhere.example.com:886\/v2, but the provider is configured for .*terraform state rm/);
  expect((await h.emu.request('GET', `/network/firewall_profiles/${String(state.id)}`)).status).toBe(200);
});

test('an owner set on an imported object assigns its label in place; a changed owner moves the label', async () => {
  const r = p.resource(TYPE);
  const made = await h.emu.request('POST', '/network/firewall_profiles', { body: { name: 'adopt-me', rules: [] } });
  const imported = (await r.importState(String(made.json.id), p.call)).states[0];
  const read = (await r.read({ current: imported }, p.call)).newState!;
  const labelOf = async (name: string) =>
    ((await h.emu.request('GET', '/labels')).json as { id: string; name: string }[]).find((l) => l.name === name)?.id;
  const { plan: ownPlan, state: owned } = await planApply(p, r, read, full(r, { name: 'adopt-me', rules: [], owner: 'test.adopted' }));
  expect(ownPlan.requiresReplace).toEqual([]);
  expect(owned.id).toBe(made.json.id);
  const first = await labelOf('test.adopted');
  expect((await h.emu.request('GET', `/network/firewall_profiles/${String(made.json.id)}`)).json.label_ids).toEqual([first]);
  await planApply(p, r, owned, full(r, { name: 'adopt-me', rules: [], owner: 'test.adopted2' }));
  const second = await labelOf('test.adopted2');
  expect((await h.emu.request('GET', `/network/firewall_profiles/${String(made.json.id)}`)).json.label_ids).toEqual([second]);
});

test('an IMCO validation error carries the attribute path of the field it names', async () => {
  const r = p.resource(TYPE);
  const config = full(r, { name: 'bad-fw', rules: [{ ip_protocol: 'tcp', min_port: 1, max_port: 2, source: 'everywhere' }], owner: 'test.bad-fw' });
  const planned = await plan(p, r, null, config);
  const res = await r.apply({ prior: null, planned: planned.planned, config }, p.call);
  expect(res.newState).toBeNull();
  expect(res.diagnostics).toEqual([expect.objectContaining({ severity: 'error', attribute: [{ attr: 'rules' }] })]);
  expect(res.diagnostics![0].summary).toMatch(/422.*source/);
});
