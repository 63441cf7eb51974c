// Adding an IMCO kind needs one folder: the throw-away kind of test/fixtures/kinds/widget/ (one
// catalog.ts), registered with registerKind, is in the catalog index, has client operations and a client facade, is
// served by the emulator's generic CRUD over real mTLS, and gets an imco_widget provider resource.
import { ENDPOINTS, KINDS, endpoint, kindSpec, registerKind } from '../../lib/catalog';
import { providerDefinition } from '../../lib/provider/definition';
import { startClientHarness, type ClientHarness } from '../client/support/emulator-client';
import { widgetKind } from '../fixtures/kinds/widget/catalog';

registerKind(widgetKind);

it('the catalog index has the kind', () => {
  expect(KINDS).toContain(widgetKind);
  expect(kindSpec('widget').immutableFields).toEqual(['size']);
  expect(() => registerKind(widgetKind)).toThrow("IMCO kind 'widget' is already in the catalog");
});

it('the client has its CRUD operations, derived from the catalog entry', () => {
  expect(ENDPOINTS.filter((e) => e.kind === 'widget').map((e) => `${e.op} ${e.method} ${e.path}`)).toEqual([
    'widget.list GET /storage/widgets',
    'widget.create POST /storage/widgets',
    'widget.show GET /storage/widgets/{id}',
    'widget.update PUT /storage/widgets/{id}',
    'widget.delete DELETE /storage/widgets/{id}',
  ]);
  expect(endpoint('widget.update').body).toBe(true);
});

it('the provider serves an imco_widget resource with its fields', () => {
  const resource = providerDefinition().resources.find((r) => r.typeName === 'imco_widget');
  expect(resource).toBeDefined();
  const attributes = Object.fromEntries(resource!.schema.attributes.map((a) => [a.name, a]));
  expect(attributes.name).toMatchObject({ required: true });
  expect(attributes.size).toMatchObject({ required: true });
  expect(attributes.state).toMatchObject({ computed: true });
});

describe('the emulator serves it through its generic CRUD', () => {
  let h: ClientHarness;
  beforeAll(async () => {
    h = await startClientHarness();
  });
  afterAll(async () => {
    await h.dispose();
  });

  it('create, wait, show, list, update, refuse a bad create, delete', async () => {
    const created = await h.client.create<{ id: string; state: string }>('widget', { name: 'w1', size: 3 });
    expect(created.state).toBe('provisioning');
    const ready = await h.client.waitFor('widget', created.id, { states: ['available'] }, { timeoutMs: 10_000 });
    expect(ready).toMatchObject({ id: created.id, name: 'w1', size: 3, resource_type: 'widget' });
    expect((await h.client.list<{ id: string }>('widget')).map((w) => w.id)).toEqual([created.id]);
    expect(await h.client.update('widget', created.id, { name: 'w2' })).toMatchObject({ name: 'w2' });
    await expect(h.client.create('widget', { name: 'no size' })).rejects.toMatchObject({ status: 422 });
    expect(await h.client.remove('widget', created.id)).toBe(true);
    await h.client.waitForGone('widget', created.id, { timeoutMs: 10_000 });
    await expect(h.client.show('widget', created.id)).rejects.toMatchObject({ status: 404 });
  });

  it('the client has its facade, built from the catalog entry with no file of its own', async () => {
    const widgets = h.client.kind('widget');
    const created = await widgets.create({ name: 'f1', size: 2 });
    expect((await widgets.show(created.id)).name).toBe('f1');
    const byAccessor = (h.client as unknown as Record<string, typeof widgets>).widgets;
    expect((await byAccessor.list()).map((w) => w.id)).toEqual([created.id]);
    expect(await widgets.remove(created.id)).toBe(true);
    await h.client.waitForGone('widget', created.id, { timeoutMs: 10_000 });
  });
});
