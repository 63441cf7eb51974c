// Kind lists shared by the provider's apply operations (lib/handlers/run-lists.ts), against the
// emulator: creates through one shared API list their kind once and see each other's objects
// (a same-named second profile is refused as a twin), a delete forgets the lists, and a create
// that must look again (a label made since the listing) lists anew.
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { OWNER_NAMESPACE } from '../../lib/spec/spec';
import type { ImcoClient } from '../../lib/client';
import { FirewallProfile, ImcoSettings } from '../../lib/constructs';
import type { BridgeApi } from '../../lib/handlers/api';
import { apiOf } from '../../lib/handlers/client-api';
import { makeInvocationContext } from '../../lib/handlers/invocation-context';
import { runCreate, runDelete } from '../../lib/handlers/reconcile';
import { RunLists, withRunLists } from '../../lib/handlers/run-lists';
import { startClientHarness, type ClientHarness } from '../client/support/emulator-client';

let harness: ClientHarness;
let client: ImcoClient;
let lists: string[];

beforeAll(async () => {
  harness = await startClientHarness();
  client = harness.client;
});
afterAll(() => harness?.dispose());
beforeEach(() => {
  lists = [];
});

/** A shared API over the test client that records the kind lists it sends. */
function sharedApi(shared: RunLists): BridgeApi {
  const api = apiOf(client);
  return withRunLists({ ...api, account: api.account, list: (kind, pp) => (lists.push(kind), api.list(kind, pp)) }, shared);
}

let stacks = 0;
function profile(name: string): { spec: FirewallProfile['spec']; ownerLabel: string } {
  const app = new App({ outdir: join(harness.emu.dir, `lists-${stacks}`) });
  const stack = new TerraformStack(app, `lists${stacks++}`);
  new ImcoSettings(stack, 'imco', { endpoint: harness.emu.endpoint, bridgeCommand: 'imco-bridge' });
  const fw = new FirewallProfile(stack, 'fw', { name, rules: [{ protocol: 'tcp', port: 443, source: '0.0.0.0/0' }] });
  return { spec: { ...fw.spec, timeoutSeconds: 20 }, ownerLabel: String(fw.ownerLabel) };
}

const profilesNamed = (name: string) => (harness.emu.snapshot().firewall_profile ?? []).filter((p) => p.name === name);

test('creates through one shared API list their kind once and see what the others created', async () => {
  const shared = new RunLists();
  const a = profile('lists-a');
  const twin = profile('lists-a');
  await runCreate(makeInvocationContext(a.spec, sharedApi(shared), () => undefined));
  await runCreate(makeInvocationContext(profile('lists-b').spec, sharedApi(shared), () => undefined));
  expect(lists.filter((k) => k === 'firewall_profile')).toHaveLength(1);
  // Not in the listing, but created since through the shared API: a same-named second one is refused.
  await expect(runCreate(makeInvocationContext(twin.spec, sharedApi(shared), () => undefined))).rejects.toThrow(/already exists/);
  expect(profilesNamed('lists-a')).toHaveLength(1);
});

test('a delete forgets the lists: the next create lists again and finds no twin', async () => {
  const shared = new RunLists();
  const a = profile('lists-c');
  await runCreate(makeInvocationContext(a.spec, sharedApi(shared), () => undefined));
  await runDelete(makeInvocationContext(a.spec, sharedApi(shared), () => undefined));
  const again = profile('lists-c');
  await runCreate(makeInvocationContext(again.spec, sharedApi(shared), () => undefined));
  expect(lists.filter((k) => k === 'firewall_profile').length).toBeGreaterThanOrEqual(2);
  expect(profilesNamed('lists-c')).toHaveLength(1);
});

test('an object made since the shared listing is found by a look again (its label made late too) and adopted', async () => {
  const shared = new RunLists();
  await runCreate(makeInvocationContext(profile('lists-d').spec, sharedApi(shared), () => undefined));
  const late = profile('lists-e');
  const label = await harness.emu.request('POST', '/labels', { body: { name: late.ownerLabel, namespace: OWNER_NAMESPACE } });
  const orphan = await harness.emu.request('POST', '/network/firewall_profiles', {
    body: { name: 'lists-e', rules: [{ ip_protocol: 'tcp', min_port: 443, max_port: 443, source: '0.0.0.0/0' }], label_ids: [label.json.id] },
  });
  const live = await runCreate(makeInvocationContext(late.spec, sharedApi(shared), () => undefined));
  expect(live.id).toBe(orphan.json.id);
  expect(profilesNamed('lists-e')).toHaveLength(1);
});
