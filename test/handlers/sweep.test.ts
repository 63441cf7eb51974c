// imco-bridge sweep: after every object resource of a stack was destroyed, deletes the declared
// objects still in IMCO (what tainted resources held), users before what they use, and fails naming
// each one it could not delete.
import type { DeclaredObject } from '../../lib/spec/prune';
import type { BridgeApi, LiveObject } from '../../lib/handlers/api';
import { makeInvocationContext } from '../../lib/handlers/invocation-context';
import { runDelete } from '../../lib/handlers/reconcile';
import { sweep } from '../../lib/handlers/sweep';

const ENDPOINT = 'https://imco.test/v2';
const owned = (kind: string, path: string): DeclaredObject => ({ kind, path, self: { kind, owner: `s.${path}`, path } });

interface Fake {
  readonly api: BridgeApi;
  readonly deleted: string[];
}

/** IMCO with these objects (each carries the label `s.<its path>`); `refuse` ids answer 422 to DELETE. */
function fakeApi(objects: (LiveObject & { kind: string; path: string })[], refuse: string[] = []): Fake {
  const deleted: string[] = [];
  const live = () => objects.filter((o) => !deleted.includes(o.id));
  const labels = objects.map((o) => ({ id: `L-${o.path}`, name: `s.${o.path}`, namespace: 'imco-cdktf' }));
  const api = {
    endpoint: ENDPOINT,
    list: async (kind: string) => (kind === 'label' ? labels : live().filter((o) => o.kind === kind).map((o) => ({ ...o, label_ids: [`L-${o.path}`] }))),
    show: async (_kind: string, id: string) => {
      const o = live().find((x) => x.id === id);
      if (!o) throw Object.assign(new Error('not found'), { status: 404 });
      return o;
    },
    remove: async (_kind: string, id: string) => {
      if (refuse.includes(id)) throw Object.assign(new Error(`IMCO DELETE failed (422): template is used by server srv-1`), { status: 422 });
      deleted.push(id);
      return true;
    },
    waitForGone: async () => undefined,
  } as unknown as BridgeApi;
  return { api, deleted };
}

const declared = [owned('script', 'scr'), owned('firewall_profile', 'fw'), owned('template', 'tpl'), owned('firewall_profile', 'gone')];

test('deletes only what is still in IMCO, templates before the scripts they use', async () => {
  const { api, deleted } = fakeApi([
    { id: 'scr-1', kind: 'script', path: 'scr' },
    { id: 'tpl-1', kind: 'template', path: 'tpl' },
    { id: 'fw-1', kind: 'firewall_profile', path: 'fw' },
  ]);
  const lines: string[] = [];
  expect(await sweep(api, { stack: 's', endpoint: ENDPOINT, objects: declared }, (l) => lines.push(l))).toBe(3);
  expect(deleted).toEqual(['tpl-1', 'scr-1', 'fw-1']);
  expect(lines).toContain('imco-bridge: tpl: still in IMCO after its Terraform resources were destroyed (its resource was tainted by an interrupted apply, or lost from the state); deleting it');
  expect(lines.some((l) => l.startsWith('imco-bridge: gone:'))).toBe(false); // already gone: not a word
});

test('after a normal destroy there is nothing to do', async () => {
  const { api, deleted } = fakeApi([]);
  const lines: string[] = [];
  expect(await sweep(api, { stack: 's', endpoint: ENDPOINT, objects: declared }, (l) => lines.push(l))).toBe(0);
  expect(deleted).toEqual([]);
  expect(lines).toEqual([]);
});

test('an object that cannot be deleted fails the sweep, naming it, why, and the command that retries', async () => {
  const { api, deleted } = fakeApi(
    [
      { id: 'tpl-1', kind: 'template', path: 'tpl' },
      { id: 'fw-1', kind: 'firewall_profile', path: 'fw' },
    ],
    ['tpl-1'],
  );
  await expect(sweep(api, { stack: 's', endpoint: ENDPOINT, objects: declared }, () => undefined)).rejects.toThrow(
    /^1 object\(s\) of stack s are still in IMCO: tpl \(template tpl-1\): IMCO DELETE failed \(422\): template is used by server srv-1\. .*Fix the cause, then run 'terraform destroy' again: the stack's terraform_data\.imco_sweep stays in the state until they are deleted$/,
  );
  expect(deleted).toEqual(['fw-1']); // the others are still deleted
});

test("a delete IMCO refuses because something uses it says how to recover when that user's resource was tainted", async () => {
  const { api } = fakeApi([{ id: 'tpl-1', kind: 'template', path: 'tpl' }], ['tpl-1']);
  const spec = { version: 1, kind: 'template', stack: 's', path: 'tpl', endpoint: ENDPOINT, self: owned('template', 'tpl').self, fields: {}, extras: {}, timeoutSeconds: 0 };
  await expect(runDelete(makeInvocationContext(spec, api, () => undefined))).rejects.toThrow(
    'IMCO DELETE failed (422): template is used by server srv-1. If what uses it belongs to this stack but its Terraform resource was tainted by an interrupted apply ' +
      "(or is missing from the state), run 'terraform apply' (it adopts that object again), then 'terraform destroy'",
  );
});
