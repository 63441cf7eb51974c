// The run's shared ownership labels (lib/handlers/run-labels.ts), against the emulator: with sharing
// on (the bridge server), the creates of one run list the labels once and each create costs its
// kind's list, the label POST and the object POST, no duplicate label or object even when creates
// run at once or an earlier run left a label behind; a miss for another construct's label lists
// again; without sharing, every invocation lists for itself as before.
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { OWNER_NAMESPACE } from '../../lib/spec/spec';
import type { ImcoClient } from '../../lib/client';
import { FirewallProfile, ImcoSettings } from '../../lib/constructs';
import type { BridgeApi, LiveObject } from '../../lib/handlers/api';
import { apiOf } from '../../lib/handlers/client-api';
import { makeInvocationContext } from '../../lib/handlers/invocation-context';
import { runCreate, runDelete } from '../../lib/handlers/reconcile';
import { RunLabels, shareRunLabels, stopSharingRunLabels } from '../../lib/handlers/run-labels';
import { startClientHarness, type ClientHarness } from '../client/support/emulator-client';
import type { TestEmulator } from '../support/emulator';

let harness: ClientHarness;
let emulator: TestEmulator;
let client: ImcoClient;
/** Requests the handlers made through `counted()`, as `METHOD kind`. */
let calls: string[];

beforeAll(async () => {
  harness = await startClientHarness();
  ({ emu: emulator, client } = harness);
});

afterAll(() => harness?.dispose());

beforeEach(() => {
  calls = [];
});

afterEach(() => stopSharingRunLabels());

/** The handlers' API over the test client, recording lists and creates. */
function counted(): BridgeApi {
  const api = apiOf(client);
  return {
    ...api,
    account: api.account,
    list: (kind, parentParams) => {
      calls.push(`GET ${kind}`);
      return api.list(kind, parentParams);
    },
    createOnce: (kind, body, find, parentParams) => {
      calls.push(`POST ${kind}`);
      return api.createOnce(kind, body, find, parentParams);
    },
  };
}

let stacks = 0;
/** Firewall profile specs of a fresh stack (each test its own, so labels never collide). */
function profiles(count: number): { spec: FirewallProfile['spec']; ownerLabel: string }[] {
  const app = new App({ outdir: join(emulator.dir, `out-${stacks}`) });
  const stack = new TerraformStack(app, `labels${stacks++}`);
  new ImcoSettings(stack, 'imco', { endpoint: emulator.endpoint, bridgeCommand: 'imco-bridge' });
  return Array.from({ length: count }, (_, i) => {
    const fw = new FirewallProfile(stack, `fw-${i}`, { name: `${stack.node.id}-fw-${i}`, rules: [{ protocol: 'tcp', port: 443, source: '0.0.0.0/0' }] });
    return { spec: { ...fw.spec, timeoutSeconds: 20 }, ownerLabel: String(fw.ownerLabel) };
  });
}

function ownLabels(names: readonly string[]): LiveObject[] {
  return (emulator.snapshot().label ?? []).filter((l) => l.namespace === OWNER_NAMESPACE && names.includes(String(l.name))) as LiveObject[];
}

function ownedProfiles(labelIds: readonly string[]): LiveObject[] {
  return (emulator.snapshot().firewall_profile ?? []).filter((p) =>
    ((p.label_ids as string[] | undefined) ?? []).some((id) => labelIds.includes(id)),
  ) as LiveObject[];
}

const count = (what: string) => calls.filter((c) => c === what).length;

test('one run lists the labels once; each create is its kind list, the label POST and the profile POST', async () => {
  shareRunLabels();
  const objects = profiles(3);
  for (const o of objects) await runCreate(makeInvocationContext(o.spec, counted(), () => undefined));
  expect(count('GET label')).toBe(1);
  expect(count('GET firewall_profile')).toBe(3);
  expect(count('POST label')).toBe(3);
  expect(count('POST firewall_profile')).toBe(3);
  const labels = ownLabels(objects.map((o) => o.ownerLabel));
  expect(labels).toHaveLength(3);
  expect(ownedProfiles(labels.map((l) => l.id))).toHaveLength(3);
});

test("a create POSTs its label while its kind's list is still under way (one round trip less)", async () => {
  shareRunLabels();
  const [warm, o] = profiles(2);
  await runCreate(makeInvocationContext(warm.spec, counted(), () => undefined)); // the run has listed its labels
  const api = counted();
  let labelPosted!: () => void;
  const posted = new Promise<void>((resolve) => (labelPosted = resolve));
  const held: BridgeApi = {
    ...api,
    // The kind's list answers only once the label POST has gone out (or gives up after 3 s).
    list: async (kind, parentParams) => {
      if (kind === 'firewall_profile') {
        let timer: NodeJS.Timeout | undefined;
        const waited = await Promise.race([posted.then(() => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), 3000)))]);
        clearTimeout(timer);
        if (!waited) throw new Error('the label POST waited for the firewall profile list');
      }
      return api.list(kind, parentParams);
    },
    createOnce: (kind, body, find, parentParams) => {
      if (kind === 'label') labelPosted();
      return api.createOnce(kind, body, find, parentParams);
    },
  };
  await runCreate(makeInvocationContext(o.spec, held, () => undefined));
  expect(ownLabels([o.ownerLabel])).toHaveLength(1);
});

test('creates running at once make exactly one label and one profile each', async () => {
  shareRunLabels();
  const objects = profiles(6);
  await Promise.all(objects.map((o) => runCreate(makeInvocationContext(o.spec, counted(), () => undefined))));
  expect(count('GET label')).toBe(1);
  const labels = ownLabels(objects.map((o) => o.ownerLabel));
  expect(labels).toHaveLength(6);
  const owned = ownedProfiles(labels.map((l) => l.id));
  expect(owned).toHaveLength(6);
  expect(new Set(owned.map((p) => p.name)).size).toBe(6);
});

test('a label an interrupted earlier run left behind is taken, not made twice', async () => {
  const [o] = profiles(1);
  await emulator.request('POST', '/labels', { body: { name: o.ownerLabel, namespace: OWNER_NAMESPACE } });
  shareRunLabels();
  await runCreate(makeInvocationContext(o.spec, counted(), () => undefined));
  expect(count('POST label')).toBe(0);
  const labels = ownLabels([o.ownerLabel]);
  expect(labels).toHaveLength(1);
  expect(ownedProfiles([labels[0].id])).toHaveLength(1);
});

test('a label made after the run listed (a create still running from an interrupted run) is followed to its object, which is adopted', async () => {
  shareRunLabels();
  const [first, late] = profiles(2);
  await runCreate(makeInvocationContext(first.spec, counted(), () => undefined));
  // After the run's listing: the interrupted run's create made the label and the profile carrying it.
  const label = await emulator.request('POST', '/labels', { body: { name: late.ownerLabel, namespace: OWNER_NAMESPACE } });
  const orphan = await emulator.request('POST', '/network/firewall_profiles', {
    body: { name: late.spec.fields.name, rules: [{ ip_protocol: 'tcp', min_port: 443, max_port: 443, source: '0.0.0.0/0' }], label_ids: [label.json.id] },
  });
  calls = [];
  const live = await runCreate(makeInvocationContext(late.spec, counted(), () => undefined));
  expect(live.id).toBe(orphan.json.id);
  expect(count('POST firewall_profile')).toBe(0);
  expect(ownedProfiles([String(label.json.id)])).toHaveLength(1);
  expect(ownLabels([late.ownerLabel])).toHaveLength(1);
});

test("the delete of an object created earlier in the run finds it through the run's labels", async () => {
  shareRunLabels();
  const [o] = profiles(1);
  const live = await runCreate(makeInvocationContext(o.spec, counted(), () => undefined));
  calls = [];
  const lines: string[] = [];
  await runDelete(makeInvocationContext(o.spec, counted(), (l) => lines.push(l)));
  expect(count('GET label')).toBe(0);
  expect(lines.some((l) => l.includes(`deleted firewall profile ${live.id}`))).toBe(true);
});

test("a miss for another construct's label lists the labels again", async () => {
  shareRunLabels();
  const [mine, theirs] = profiles(2);
  const resolver = makeInvocationContext(mine.spec, counted(), () => undefined).resolver;
  expect(await resolver.findOwnerLabel(mine.ownerLabel)).toBeUndefined();
  expect(count('GET label')).toBe(1);
  // Made after the run listed: by another stack's apply, say.
  const made = await emulator.request('POST', '/labels', { body: { name: theirs.ownerLabel, namespace: OWNER_NAMESPACE } });
  const other = makeInvocationContext(mine.spec, counted(), () => undefined).resolver;
  expect((await other.findOwnerLabel(theirs.ownerLabel))?.id).toBe(made.json.id);
  expect(count('GET label')).toBe(2);
  // Its own label's miss is trusted: no new listing.
  expect(await other.findOwnerLabel(mine.ownerLabel)).toBeUndefined();
  expect(count('GET label')).toBe(2);
});

test('without sharing, every invocation lists the labels itself', async () => {
  const objects = profiles(2);
  for (const o of objects) await runCreate(makeInvocationContext(o.spec, counted(), () => undefined));
  expect(count('GET label')).toBe(2);
  expect(ownLabels(objects.map((o) => o.ownerLabel))).toHaveLength(2);
});

describe('RunLabels', () => {
  const label = (id: string): LiveObject => ({ id, name: `n${id}`, namespace: OWNER_NAMESPACE });

  test('lists once, adds what the run creates, lists anew on refresh', async () => {
    const labels = new RunLabels();
    let listings = 0;
    const fetch = async () => {
      listings++;
      return [label('a')];
    };
    expect((await labels.all(fetch)).map((l) => l.id)).toEqual(['a']);
    labels.add(label('b'));
    expect((await labels.all(fetch)).map((l) => l.id)).toEqual(['a', 'b']);
    expect(listings).toBe(1);
    // A fresh listing that already holds a created label shows it once.
    const refreshed = await labels.refresh(async () => {
      listings++;
      return [label('a'), label('b')];
    });
    expect(refreshed.map((l) => l.id)).toEqual(['a', 'b']);
    expect(listings).toBe(2);
  });

  test('a failed listing is not kept: the next use lists again', async () => {
    const labels = new RunLabels();
    await expect(labels.all(() => Promise.reject(new Error('503')))).rejects.toThrow('503');
    expect((await labels.all(async () => [label('c')])).map((l) => l.id)).toEqual(['c']);
  });
});
