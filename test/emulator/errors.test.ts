// Error answers and request handling common to every endpoint: 404 {"error"} for unknown ids and
// paths, 405 with Allow, 422 {"errors": {field: [..]}} for validation, 400 for malformed JSON,
// wrong JSON types, /v3 alias, trailing slashes, JSON without an Accept header, null bodies.
import { startTestEmulator, type TestEmulator } from '../support/emulator';
import { seedIds, type SeedIds } from './support/fixtures';

let emu: TestEmulator;
let seeds: SeedIds;
beforeAll(async () => {
  emu = await startTestEmulator();
  seeds = await seedIds(emu);
});
afterAll(() => emu.dispose());

it('answers 404 {"error"} for unknown ids (also malformed ones) and unknown paths', async () => {
  for (const path of ['/cloud/servers/0123456789abcdef01234567', '/cloud/servers/not-an-id', '/no/such/path', '/network/vpcs/0123456789abcdef01234567/subnets']) {
    const res = await emu.request('GET', path);
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: expect.any(String) });
  }
  const outside = await emu.request('GET', `${emu.endpoint.replace(/\/v2$/, '')}/v1/ping`);
  expect(outside.status).toBe(404);
  expect(outside.json).toEqual({ error: expect.stringContaining('/v2') });
});

it('answers 405 with an Allow header for a wrong method on a known path', async () => {
  const res = await emu.request('PATCH', '/cloud/servers');
  expect(res.status).toBe(405);
  expect(res.headers.allow).toBe('GET, POST');
  expect(res.json).toEqual({ error: expect.stringContaining('PATCH') });
  const noShow = await emu.request('GET', '/settings/saas_accounts/0123456789abcdef01234567');
  expect(noShow.status).toBe(405);
});

it('answers 422 {"errors": {field: [messages]}} with every problem at once', async () => {
  const res = await emu.request('POST', '/storage/volumes', { body: { name: '', size: '10', storage_plan_id: 'nope' } });
  expect(res.status).toBe(422);
  expect(Object.keys(res.json)).toEqual(['errors']);
  expect(res.json.errors).toEqual({
    name: [expect.stringContaining("can't be blank")],
    size: [expect.stringContaining('integer')],
    cloud_account_id: [expect.stringContaining("can't be blank")],
    storage_plan_id: [expect.stringContaining('refers to no storage plan')],
  });
  for (const messages of Object.values(res.json.errors)) expect(Array.isArray(messages)).toBe(true);
});

it.each([
  ['a string for an integer', { size: 1.5 }, 'size'],
  ['a number for a string', { name: 7 }, 'name'],
  ['a string for a string array', { label_ids: 'abc' }, 'label_ids'],
])('answers 422 for %s', async (_what, patch, field) => {
  const body = { name: 'v', size: 1, cloud_account_id: seeds.account, storage_plan_id: seeds.storagePlan, ...patch };
  const res = await emu.request('POST', '/storage/volumes', { body });
  expect(res.status).toBe(422);
  expect(res.json.errors[field]).toBeDefined();
});

it('answers 400 {"error"} for malformed JSON and non-object bodies', async () => {
  const malformed = await emu.request('POST', '/labels', { raw: '{"name": ', headers: { 'Content-Type': 'application/json' } });
  expect(malformed.status).toBe(400);
  expect(malformed.json).toEqual({ error: expect.stringContaining('not valid JSON') });
  const array = await emu.request('POST', '/labels', { body: [{ name: 'x' }] });
  expect(array.status).toBe(400);
  expect(array.json.error).toContain('JSON object');
});

it('accepts a null or empty body as {} and ignores unknown keys', async () => {
  const label = await emu.request('POST', '/labels', { body: { name: 'tolerant', whatever: [1, 2] } });
  expect(label.status).toBe(201);
  expect(label.json).not.toHaveProperty('whatever');
  const script = await emu.request('POST', '/blueprint/scripts', { body: { name: 's' } });
  const nullBody = await emu.request('PUT', `/blueprint/scripts/${script.json.id}`, { raw: 'null', headers: { 'Content-Type': 'application/json' } });
  expect(nullBody.status).toBe(200);
  const empty = await emu.request('PUT', `/blueprint/scripts/${script.json.id}`);
  expect(empty.status).toBe(200);
  expect(empty.json.name).toBe('s');
});

it('serves /v3 as an alias of /v2 and JSON without an Accept header', async () => {
  const v3 = await emu.request('GET', `${emu.endpoint.replace(/\/v2$/, '/v3')}/cloud/generic_images`);
  const v2 = await emu.request('GET', '/cloud/generic_images/');
  expect(v3.status).toBe(200);
  expect(v3.json).toEqual(v2.json);
  expect(v2.headers['content-type']).toBe('application/json; charset=utf-8');
});

it('answers 413 for a JSON body beyond the limit', async () => {
  const res = await emu.request('POST', '/blueprint/scripts', { raw: `{"name":"big","code":"${'x'.repeat(9 * 1024 * 1024)}"}` });
  expect(res.status).toBe(413);
  expect(res.json).toEqual({ error: expect.stringContaining('exceeds') });
});
