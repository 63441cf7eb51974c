// Ownership across stack instances, against the emulator over mTLS: a create adopts only what its
// own stack instance's label proves is its own; another instance's object (same stack name and
// path, or `prod`+`web/fw` vs `prod.web`+`fw`) is refused with a message naming both and no import
// hint; drift never calls it unmanaged; objects labelled by earlier versions (`<stack>.<path>`)
// are found, updated and deleted without being re-created, and moved to the new label on update;
// a label another apply made between our listing and our POST is looked up and used.
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { OWNER_NAMESPACE } from '../../lib/spec/spec';
import type { BridgeSpec } from '../../lib/spec/spec';
import type { ImcoClient } from '../../lib/client';
import { FirewallProfile, ImcoSettings } from '../../lib/constructs';
import type { BridgeApi, LiveObject } from '../../lib/handlers/api';
import { apiOf } from '../../lib/handlers/client-api';
import { makeInvocationContext } from '../../lib/handlers/invocation-context';
import { detectDrift } from '../../lib/handlers/drift';
import { runImport } from '../../lib/handlers/import';
import { runCreate, runDelete, runUpdate } from '../../lib/handlers/reconcile';
import { startClientHarness, type ClientHarness } from '../client/support/emulator-client';
import type { TestEmulator } from '../support/emulator';

let harness: ClientHarness;
let emulator: TestEmulator;
let client: ImcoClient;

beforeAll(async () => {
  harness = await startClientHarness();
  ({ emu: emulator, client } = harness);
});

afterAll(() => harness?.dispose());

let apps = 0;
/** The spec of a firewall profile at `path` in stack `stack` of stack instance `instance`. */
function profile(stack: string, path: string[], name: string, instance: string, description = 'managed'): BridgeSpec {
  const app = new App({ outdir: join(emulator.dir, `own-${apps++}`) });
  const s = new TerraformStack(app, stack);
  new ImcoSettings(s, 'imco', { endpoint: emulator.endpoint, bridgeCommand: 'imco-bridge' });
  let scope: import('constructs').Construct = s;
  for (const part of path.slice(0, -1)) scope = new (require('constructs').Construct)(scope, part);
  const fw = new FirewallProfile(scope, path[path.length - 1], { name, description, rules: [{ protocol: 'tcp', port: 443, source: '0.0.0.0/0' }] });
  return { ...fw.spec, instance, timeoutSeconds: 20 };
}

const quiet = (lines: string[] = []) => (l: string) => lines.push(l);
const ctx = (spec: BridgeSpec, lines?: string[], api: BridgeApi = apiOf(client)) => makeInvocationContext(spec, api, quiet(lines));
const profilesNamed = (name: string) => (emulator.snapshot().firewall_profile ?? []).filter((p) => p.name === name);
const labelNamed = (name: string) => (emulator.snapshot().label ?? []).find((l) => l.name === name && l.namespace === OWNER_NAMESPACE);

const A = 'aaaaaaaa11111111';
const B = 'bbbbbbbb22222222';

test('two stack instances with the same stack name and path each keep their own object', async () => {
  const mine = profile('prod', ['web', 'fw'], 'same-stack-fw', A);
  const theirs = profile('prod', ['web', 'fw'], 'same-stack-fw-b', B);
  const a = await runCreate(ctx(mine));
  const b = await runCreate(ctx(theirs));
  expect(b.id).not.toBe(a.id);
  await runDelete(ctx(theirs));
  expect(profilesNamed('same-stack-fw').map((p) => p.id)).toEqual([a.id]);
  expect(profilesNamed('same-stack-fw-b')).toHaveLength(0);
});

test("a create whose name another stack instance's object has is refused, naming both, without an import hint", async () => {
  const mine = profile('prod', ['web', 'fw'], 'taken-fw', A);
  const theirs = profile('prod', ['web', 'fw'], 'taken-fw', B);
  const a = await runCreate(ctx(mine));
  const refused = runCreate(ctx(theirs));
  await expect(refused).rejects.toThrow(new RegExp(`belongs to stack 'prod' of stack instance ${A}.*of stack 'prod' of stack instance ${B}`));
  await expect(runCreate(ctx(theirs))).rejects.not.toThrow(/imco-bridge import/);
  // Import refuses it just the same.
  await expect(runImport(ctx(theirs), a.id)).rejects.toThrow(new RegExp(`managed by stack 'prod' of stack instance ${A}`));
  expect(profilesNamed('taken-fw').map((p) => [p.id, p.description])).toEqual([[a.id, 'managed']]);
});

test("prod + web/fw and prod.web + fw get different labels and keep their own objects", async () => {
  const one = profile('prod', ['web', 'fw'], 'dot-one', A);
  const two = profile('prod.web', ['fw'], 'dot-two', A);
  expect(makeInvocationContext(one, apiOf(client)).resolver.labelOf(one.self)!.name).not.toBe(makeInvocationContext(two, apiOf(client)).resolver.labelOf(two.self)!.name);
  const lines: string[] = [];
  const x = await runCreate(ctx(one));
  const y = await runCreate(ctx(two, lines));
  expect(lines.join('\n')).not.toContain('adopting');
  expect(y.id).not.toBe(x.id);
  await runDelete(ctx(two));
  expect(profilesNamed('dot-one')).toHaveLength(1);
});

test("drift never lists another stack instance's objects as unmanaged", async () => {
  const gone = profile('driftstack', ['old'], 'drift-a-old', A);
  await runCreate(ctx(gone));
  const kept = profile('driftstack', ['kept'], 'drift-b-kept', B);
  await runCreate(ctx(kept));
  // Instance B declares only `kept`: A's `old` has another instance's label.
  const report = await detectDrift(apiOf(client), [kept]);
  expect(report.objects.map((o) => [o.path, o.status])).toEqual([['kept', 'in_sync']]);
  // Instance A no longer declares `old`: it is A's, so unmanaged there.
  const own = await detectDrift(apiOf(client), [profile('driftstack', ['other'], 'drift-a-other', A)]);
  expect(own.objects.filter((o) => o.status === 'unmanaged').map((o) => o.path)).toEqual(['old']);
});

/** Makes a profile the way the previous version did: label `<stack>.<path>` (no value), in the create body. */
async function legacyObject(spec: BridgeSpec): Promise<LiveObject> {
  const label = await emulator.request('POST', '/labels', { body: { name: spec.self.owner, namespace: OWNER_NAMESPACE } });
  const body = { ...(spec.fields as Record<string, unknown>), label_ids: [label.json.id] };
  return (await emulator.request('POST', '/network/firewall_profiles', { body })).json as LiveObject;
}

test('an object labelled by the previous version is updated in place and moved to the new label, not re-created', async () => {
  const old = profile('upgrade', ['net', 'fw'], 'upgrade-fw', A);
  expect(old.self.owner).toBe('upgrade.net.fw');
  const made = await legacyObject(old);
  // Drift finds it (in sync) before anything moved.
  expect((await detectDrift(apiOf(client), [old])).objects.map((o) => [o.id, o.status])).toEqual([[made.id, 'in_sync']]);
  const lines: string[] = [];
  const updated = await runUpdate(ctx(profile('upgrade', ['net', 'fw'], 'upgrade-fw', A, 'changed'), lines));
  expect(updated.id).toBe(made.id);
  expect(lines.join('\n')).toContain("moved from the ownership label 'upgrade.net.fw'");
  const [live] = profilesNamed('upgrade-fw');
  expect(live.description).toBe('changed');
  const newLabel = labelNamed(makeInvocationContext(old, apiOf(client)).resolver.labelOf(old.self)!.name)!;
  expect(newLabel.value).toBe(`${A} upgrade`);
  expect(live.label_ids).toEqual([newLabel.id]);
  // From now on it is found by the new label; delete removes it.
  await runDelete(ctx(old));
  expect(profilesNamed('upgrade-fw')).toHaveLength(0);
});

test('the delete of an object labelled by the previous version deletes it', async () => {
  const old = profile('upgrade2', ['fw'], 'upgrade2-fw', A);
  await legacyObject(old);
  const lines: string[] = [];
  await runDelete(ctx(old, lines));
  expect(lines.join('\n')).toMatch(/deleted firewall profile/);
  expect(profilesNamed('upgrade2-fw')).toHaveLength(0);
});

test('a create never adopts a legacy-labelled object: same name is refused with the import hint, import then takes it', async () => {
  const spec = profile('legacy3', ['fw'], 'legacy3-fw', A);
  const made = await legacyObject(spec);
  await expect(runCreate(ctx(spec))).rejects.toThrow(
    new RegExp(`carries the ownership label 'legacy3.fw' of an earlier imco-cdktf version .*imco-bridge import fw ${made.id}`),
  );
  await runImport(ctx(spec), made.id);
  const [live] = profilesNamed('legacy3-fw');
  const label = labelNamed(makeInvocationContext(spec, apiOf(client)).resolver.labelOf(spec.self)!.name)!;
  expect(live.label_ids).toEqual([label.id]);
  expect((await runCreate(ctx(spec))).id).toBe(made.id);
});

test("a legacy label is not followed to an object another stack instance has moved to its own label", async () => {
  const theirs = profile('shared', ['fw'], 'shared-fw', B);
  const made = await legacyObject(theirs);
  await runUpdate(ctx(theirs)); // B migrates it
  const mine = profile('shared', ['fw'], 'shared-fw', A);
  // A's update of the same legacy key finds nothing of its own (the legacy label still exists).
  await emulator.request('POST', `/labels/${String(labelNamed('shared.fw')!.id)}/resources`, {
    body: { resources: [{ id: made.id, resource_type: 'firewall_profile' }] },
  });
  expect(await makeInvocationContext(mine, apiOf(client)).resolver.find(mine.self)).toBeUndefined();
});

test('a label another apply created between our listing and our POST is looked up and used (no 422)', async () => {
  const spec = profile('race', ['fw'], 'race-fw', A);
  const own = makeInvocationContext(spec, apiOf(client)).resolver.labelOf(spec.self)!;
  const api = apiOf(client);
  let raced = 0;
  const racing: BridgeApi = {
    ...api,
    createOnce: async (kind, body, find, parentParams) => {
      if (kind === 'label' && raced++ === 0) {
        // The other apply wins the race.
        await emulator.request('POST', '/labels', { body: { name: own.name, namespace: own.namespace, value: own.value } });
      }
      return api.createOnce(kind, body, find, parentParams);
    },
  };
  const live = await runCreate(ctx(spec, [], racing));
  expect(raced).toBe(1);
  const labels = (emulator.snapshot().label ?? []).filter((l) => l.name === own.name);
  expect(labels).toHaveLength(1);
  expect(live.label_ids).toEqual([labels[0].id]);
});

test("in a shared run, a miss for another construct's label of this stack instance is final (no new listing)", async () => {
  const { shareRunLabels, stopSharingRunLabels } = await import('../../lib/handlers/run-labels');
  shareRunLabels();
  try {
    const mine = profile('sharedrun', ['a'], 'sharedrun-a', A);
    const other = profile('sharedrun', ['b'], 'sharedrun-b', A);
    const api = apiOf(client);
    let listings = 0;
    const counting: BridgeApi = { ...api, account: api.account, list: (kind, p) => (kind === 'label' && listings++, api.list(kind, p)) };
    const resolver = makeInvocationContext(mine, counting).resolver;
    expect(await resolver.find(other.self)).toBeUndefined();
    expect(await resolver.find(other.self)).toBeUndefined();
    expect(listings).toBe(1);
  } finally {
    stopSharingRunLabels();
  }
});
