// imco-bridge prune: deletes objects of removed constructs, and keeps an object that a declared
// construct owns (e.g. one imported under a new path that still carries its old label).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeclaredObject } from '../../lib/spec/prune';
import type { BridgeApi, LiveObject } from '../../lib/handlers/api';
import { parsePruneTriggers, prune, recordDeclaration } from '../../lib/handlers/prune';

const ENDPOINT = 'https://imco.test/v2';
const fw = (path: string): DeclaredObject => ({ kind: 'firewall_profile', path, self: { kind: 'firewall_profile', owner: `s.${path}`, path } });

function fakeApi(objects: LiveObject[], labels: LiveObject[]): { api: BridgeApi; removed: string[] } {
  const removed: string[] = [];
  const api = {
    endpoint: ENDPOINT,
    list: async (kind: string) => (kind === 'label' ? labels : objects.filter((o) => !removed.includes(o.id))),
    show: async (_kind: string, id: string) => {
      const o = objects.find((x) => x.id === id && !removed.includes(id));
      if (!o) throw Object.assign(new Error('not found'), { status: 404 });
      return o;
    },
    remove: async (_kind: string, id: string) => {
      removed.push(id);
      return true;
    },
    waitForGone: async () => undefined,
  } as unknown as BridgeApi;
  return { api, removed };
}

beforeEach(() => {
  process.env.IMCO_BRIDGE_MARKERS = mkdtempSync(join(tmpdir(), 'imco-markers-'));
});
afterAll(() => {
  delete process.env.IMCO_BRIDGE_MARKERS;
});

const labels: LiveObject[] = [
  { id: 'L-a', name: 's.a', namespace: 'imco-cdktf' },
  { id: 'L-b', name: 's.b', namespace: 'imco-cdktf' },
  { id: 'L-c', name: 's.c', namespace: 'imco-cdktf' },
];

test('deletes what the previous declaration had and this one lacks', async () => {
  const { api, removed } = fakeApi([{ id: 'o-a', name: 'a', label_ids: ['L-a'] }, { id: 'o-b', name: 'b', label_ids: ['L-b'] }], labels);
  recordDeclaration({ stack: 's', endpoint: ENDPOINT, objects: [fw('a'), fw('b')] });
  const lines: string[] = [];
  expect(await prune(api, { stack: 's', endpoint: ENDPOINT, objects: [fw('a')] }, (l) => lines.push(l))).toBe(1);
  expect(removed).toEqual(['o-b']);
  expect(lines.join('\n')).toContain('b: no longer declared in the stack; deleting it');
});

test('keeps an object of a removed path that a declared construct now owns', async () => {
  const { api, removed } = fakeApi([{ id: 'o-b', name: 'b', label_ids: ['L-b', 'L-c'] }], labels);
  recordDeclaration({ stack: 's', endpoint: ENDPOINT, objects: [fw('b')] });
  const lines: string[] = [];
  expect(await prune(api, { stack: 's', endpoint: ENDPOINT, objects: [fw('c')] }, (l) => lines.push(l))).toBe(0);
  expect(removed).toEqual([]);
  expect(lines.join('\n')).toContain("now owned by label 's.c' (imported); keeping it");
});

test('a path still declared with a new identity (its VPC replaced) is not called "no longer declared"', async () => {
  const subnet = (vpcCidr: string): DeclaredObject => ({
    kind: 'subnet',
    path: 'public',
    self: { kind: 'subnet', path: 'public', natural: { cidr: '10.0.1.0/24' }, parent: { kind: 'vpc', path: 'vpc', owner: 's.vpc', natural: { cidr: vpcCidr } } },
  });
  const { api, removed } = fakeApi([], labels);
  recordDeclaration({ stack: 's', endpoint: ENDPOINT, objects: [subnet('10.0.0.0/16')] });
  const lines: string[] = [];
  expect(await prune(api, { stack: 's', endpoint: ENDPOINT, objects: [subnet('10.9.0.0/16')] }, (l) => lines.push(l))).toBe(0);
  expect(removed).toEqual([]);
  expect(lines.join('\n')).toContain('public: still declared, with a new identity (its parent was replaced, or its key changed): replaced by its own resource; nothing to prune');
  expect(lines.join('\n')).not.toContain('no longer declared');
});

test('does nothing without a recorded previous declaration (first apply, or another machine)', async () => {
  const { api, removed } = fakeApi([{ id: 'o-a', name: 'a', label_ids: ['L-a'] }], labels);
  expect(await prune(api, { stack: 's', endpoint: ENDPOINT, objects: [] }, () => undefined)).toBe(0);
  expect(removed).toEqual([]);
});

describe('parsePruneTriggers', () => {
  const small = JSON.stringify({ imco_prune: 's', imco_endpoint: ENDPOINT });

  test('joins the list from its chunk variables', () => {
    const json = JSON.stringify([fw('a'), fw('b')]);
    const env = { IMCO_BRIDGE_OBJECTS_0: json.slice(0, 10), IMCO_BRIDGE_OBJECTS_1: json.slice(10), IMCO_BRIDGE_OBJECTS_2: '' };
    expect(parsePruneTriggers(small, env)).toEqual({ stack: 's', endpoint: ENDPOINT, objects: [fw('a'), fw('b')] });
  });

  test('reads the single imco_objects key of a prune synthesized before the chunks (an upgrade replaces it)', () => {
    const legacy = JSON.stringify({ imco_prune: 's', imco_endpoint: ENDPOINT, imco_objects: JSON.stringify([fw('a')]) });
    expect(parsePruneTriggers(legacy, { IMCO_BRIDGE_OBJECTS_0: '' }).objects).toEqual([fw('a')]);
  });

  test('no list at all is an error, never an empty declaration (which would prune everything)', () => {
    expect(() => parsePruneTriggers(small, {})).toThrow('imco_objects is not a JSON list of objects: re-synthesize the stack');
    expect(() => parsePruneTriggers(small, { IMCO_BRIDGE_OBJECTS_0: '[{"kind":' })).toThrow('IMCO_BRIDGE_OBJECTS_* is not a JSON list of objects');
  });

  test('the sweep resource names its stack imco_sweep', () => {
    const env = { IMCO_BRIDGE_OBJECTS_0: '[]' };
    expect(parsePruneTriggers(JSON.stringify({ imco_sweep: 'shop', imco_endpoint: ENDPOINT }), env)).toEqual({ stack: 'shop', endpoint: ENDPOINT, objects: [] });
  });
});
