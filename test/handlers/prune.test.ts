// imco-bridge prune: deletes objects of removed constructs, and keeps an object that a declared
// construct owns (e.g. one imported under a new path that still carries its old label).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeclaredObject } from '../../lib/bridge/prune';
import type { BridgeApi, LiveObject } from '../../lib/handlers/api';
import { prune, recordDeclaration } from '../../lib/handlers/prune';

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

test('does nothing without a recorded previous declaration (first apply, or another machine)', async () => {
  const { api, removed } = fakeApi([{ id: 'o-a', name: 'a', label_ids: ['L-a'] }], labels);
  expect(await prune(api, { stack: 's', endpoint: ENDPOINT, objects: [] }, () => undefined)).toBe(0);
  expect(removed).toEqual([]);
});
