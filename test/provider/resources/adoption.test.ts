// Adoption through an import id that carries the configuration-only attributes (imco-bridge export),
// against the emulator over mTLS: the imported state equals the configuration (the plan is a pure
// import, empty descriptions and parameter lists included), the read of the import writes nothing,
// the first read of the applied state attaches the ownership label once, and bad ids are refused.
import { OWNER_NAMESPACE } from '../../../lib/spec/identity';
import { adoptionOf, encodeAdoption, importIdWith, parseImportId } from '../../../lib/provider/resources/adoption';
import { kindModels } from '../../../lib/provider/resources/schema';
import type { ClientHarness } from '../../client/support/emulator-client';
import { type Provider, full, plan, withConfiguredProvider } from './support';

let h: ClientHarness;
let p: Provider;

withConfiguredProvider((harness, provider) => {
  h = harness;
  p = provider;
});

const writesSince = async (n: number) => (await h.journal()).slice(n).filter((e) => e.method !== 'GET').map((e) => `${e.method} ${e.path}`);

test('an adopted script plans no change, and its first applied refresh attaches the ownership label once', async () => {
  const r = p.resource('imco_script');
  const made = await h.emu.request('POST', '/blueprint/scripts', { body: { name: 'adopt-me', description: '', code: 'true', parameters: [] } });
  const owner = 'legacy.adopt-me-0123456789abcdef';
  const imported = await r.importState(importIdWith(String(made.json.id), { owner }), p.call);
  expect(imported.diagnostics ?? []).toEqual([]);
  expect(imported.states[0]).toMatchObject({ id: made.json.id, owner });
  expect(adoptionOf(imported.private)).toBe('imported');

  // The read of the import (a plan that may never be applied): IMCO's values, nothing written.
  const mark = (await h.journal()).length;
  const read = await r.read({ current: imported.states[0], private: imported.private }, p.call);
  expect(await writesSince(mark)).toEqual([]);
  expect(adoptionOf(read.private)).toBe('adopt');
  expect(read.newState).toMatchObject({ name: 'adopt-me', description: '', code: 'true', parameters: [], owner });
  const config = full(r, { name: 'adopt-me', description: '', code: 'true', parameters: [], owner });
  expect((await plan(p, r, read.newState, config)).planned).toEqual(read.newState);

  // The first refresh of the applied state: the label, then no marker.
  const adopted = await r.read({ current: read.newState!, private: read.private }, p.call);
  expect(adopted.diagnostics ?? []).toEqual([]);
  expect(adopted.private).toEqual(new Uint8Array());
  expect(adopted.newState).toEqual(read.newState);
  const labelled = (await h.emu.request('GET', `/blueprint/scripts/${String(made.json.id)}`)).json;
  const labels = (await h.emu.request('GET', '/labels')).json as { id: string; name: string; namespace: string }[];
  expect(labels.filter((l) => labelled.label_ids.includes(l.id)).map((l) => [l.name, l.namespace])).toEqual([[owner, OWNER_NAMESPACE]]);

  // A refresh of a state still marked (a plan does not persist its refresh) attaches nothing again.
  const again = (await h.journal()).length;
  await r.read({ current: read.newState!, private: encodeAdoption('adopt') }, p.call);
  expect((await writesSince(again)).filter((w) => w.includes('/resources'))).toEqual([]);
});

test('a secret reference and version ride on the import id; unknown names and a bad id are refused', async () => {
  const r = p.resource('imco_ssh_profile');
  const made = await h.emu.request('POST', '/cloud/ssh_profiles', { body: { name: 'adopt-ssh', public_key: 'ssh-ed25519 AAAA adopt@x' } });
  const id = importIdWith(String(made.json.id), { private_key_env: 'OPS_KEY', private_key_version: 'v1' });
  const imported = await r.importState(id, p.call);
  const read = (await r.read({ current: imported.states[0], private: imported.private }, p.call)).newState!;
  expect(read).toMatchObject({ private_key_env: 'OPS_KEY', private_key_version: 'v1', owner: null });
  const config = full(r, { name: 'adopt-ssh', public_key: 'ssh-ed25519 AAAA adopt@x', private_key_env: 'OPS_KEY', private_key_version: 'v1' });
  expect((await plan(p, r, read, config)).planned).toEqual(read);

  expect((await r.importState(`${String(made.json.id)}?name=x`, p.call)).diagnostics![0].summary).toMatch(
    /import id of imco_ssh_profile: 'name' cannot be given after '\?' \(it may carry owner, private_key_env, private_key_file, private_key_version\)/,
  );
  expect((await p.resource('imco_subnet').importState('only-one?', p.call)).diagnostics![0].summary).toMatch(/import id 'only-one' of imco_subnet must be <vpc_id>\/<id>/);
});

test('import ids: values in a fixed order, typed by the schema (a template compile flag is a bool)', () => {
  expect(importIdWith('t1', { owner: 'a b', compile: true })).toBe('t1?compile=true&owner=a+b');
  const template = kindModels().find((m) => m.typeName === 'imco_template')!;
  expect(parseImportId(template, 't1?compile=true&owner=a+b')).toEqual({ id: 't1', values: { compile: true, owner: 'a b' } });
  expect(parseImportId(template, 't1')).toEqual({ id: 't1', values: {} });
});
