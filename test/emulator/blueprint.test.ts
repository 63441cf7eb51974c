// Blueprint namespace: templates (slim lists, cookbook_versions encoding, compile), template scripts
// (order, type filter, reorder, parameter checks), cookbook versions (upload + process from the
// archive's metadata, duplicates, unreadable archives), scripts and attachments (upload, uploaded,
// download), and the delete protections between them.
import { startTestEmulator, waitForGone, waitForState, type TestEmulator } from '../support/emulator';
import { create, put, seedIds, type SeedIds } from './support/fixtures';
import { cookbookArchive } from './support/tar';

let emu: TestEmulator;
let seeds: SeedIds;
beforeAll(async () => {
  emu = await startTestEmulator();
  seeds = await seedIds(emu);
});
afterAll(() => emu.dispose());

async function uploadedCookbook(name: string, version: string): Promise<any> {
  const cv = await create(emu, '/blueprint/cookbook_versions', {});
  const up = await emu.request('PUT', cv.upload_url, { raw: cookbookArchive(name, version), chunked: true });
  expect(up.status).toBe(200);
  return cv;
}

describe('templates', () => {
  it('creates in state created, lists slim objects and shows the full one', async () => {
    const template = await create(emu, '/blueprint/templates/', {
      name: 'web',
      generic_image_id: seeds.genericImage,
      run_list: ['recipe[nginx]', 'recipe[app]'],
      configuration_attributes: { nginx: { port: 80 } },
      cookbook_versions: { nginx: { version: '~> 2.7' } },
    });
    expect(template).toMatchObject({ state: 'created', error_message: '', variables: [], label_ids: [], resource_type: 'template' });
    const list = (await emu.request('GET', '/blueprint/templates')).json;
    expect(Object.keys(list.find((t: any) => t.id === template.id)).sort()).toEqual(['generic_image_id', 'id', 'label_ids', 'name', 'resource_type']);
    const shown = (await emu.request('GET', `/blueprint/templates/${template.id}`)).json;
    expect(shown.cookbook_versions).toEqual({ nginx: { version: '~> 2.7' } });
    expect(shown.run_list).toEqual(['recipe[nginx]', 'recipe[app]']);
  });

  it.each([
    [{ nginx: '2.7' }, 'must map to an object'],
    [{ nginx: { version: '2.7' } }, 'operator'],
    [{ nginx: { version: '~> 2.7', version_id: 'x' } }, 'exactly one'],
    [{ 'bad name': { version: '= 1' } }, 'letters, digits'],
    [{ app: { version_id: '0123456789abcdef01234567' } }, 'refers to no cookbook version'],
  ])('refuses cookbook_versions %j', async (cookbookVersions, message) => {
    const res = await emu.request('POST', '/blueprint/templates', { body: { name: 't', generic_image_id: seeds.genericImage, cookbook_versions: cookbookVersions } });
    expect(res.status).toBe(422);
    expect(res.json.errors.cookbook_versions.join(' ')).toContain(message);
  });

  it('refuses an unknown generic image', async () => {
    const res = await emu.request('POST', '/blueprint/templates', { body: { name: 't', generic_image_id: '0123456789abcdef01234567' } });
    expect(res.json.errors.generic_image_id[0]).toContain('generic image');
  });

  it('updates given fields wholesale and compiles to ready', async () => {
    const template = await create(emu, '/blueprint/templates', { name: 'app', generic_image_id: seeds.genericImage, run_list: ['a'] });
    const updated = await put(emu, `/blueprint/templates/${template.id}`, { id: template.id, name: 'app2', run_list: ['b', 'c'], generic_image_id: 'ignored' });
    expect(updated).toMatchObject({ name: 'app2', run_list: ['b', 'c'], generic_image_id: seeds.genericImage });
    await emu.frozen(async () => {
      const compiling = await put(emu, `/blueprint/templates/${template.id}/compile`, { id: template.id });
      expect(compiling.state).toBe('compiling');
      const again = await emu.request('PUT', `/blueprint/templates/${template.id}/compile`, { body: {} });
      expect(again.status).toBe(422);
    });
    await waitForState(emu, `/blueprint/templates/${template.id}`, 'ready');
  });

  it('compiles to compiling_error with a reason when a cookbook version is not ready', async () => {
    const cv = await create(emu, '/blueprint/cookbook_versions', {});
    const template = await create(emu, '/blueprint/templates', { name: 'broken', generic_image_id: seeds.genericImage, cookbook_versions: { app: { version_id: cv.id } } });
    await put(emu, `/blueprint/templates/${template.id}/compile`, {});
    const failed = await waitForState(emu, `/blueprint/templates/${template.id}`, 'compiling_error');
    expect(failed.json.error_message).toContain('not ready');
    const del = await emu.request('DELETE', `/blueprint/cookbook_versions/${cv.id}`);
    expect(del.status).toBe(422);
  });
});

describe('template scripts', () => {
  it('appends per type, filters by type, reorders and renumbers after a delete', async () => {
    const template = await create(emu, '/blueprint/templates', { name: 'ts', generic_image_id: seeds.genericImage });
    const s1 = await create(emu, '/blueprint/scripts', { name: 'one', parameters: ['PORT'] });
    const s2 = await create(emu, '/blueprint/scripts', { name: 'two' });
    const base = `/blueprint/templates/${template.id}/scripts`;
    const a = await create(emu, base, { type: 'boot', script_id: s1.id, parameter_values: { PORT: '80' } });
    const b = await create(emu, base, { type: 'boot', script_id: s2.id });
    const c = await create(emu, base, { type: 'operational', script_id: s2.id });
    expect([a.execution_order, b.execution_order, c.execution_order]).toEqual([0, 1, 0]);
    expect(a).toMatchObject({ type: 'boot', template_id: template.id, script_id: s1.id, parameter_values: { PORT: '80' } });

    const boot = (await emu.request('GET', `${base}?type=boot`)).json;
    expect(boot.map((x: any) => x.id)).toEqual([a.id, b.id]);
    expect((await emu.request('GET', `${base}?type=sometimes`)).status).toBe(422);

    const reordered = await put(emu, `${base}/reorder`, { type: 'boot', script_ids: [b.id, a.id] });
    expect(reordered.map((x: any) => [x.id, x.execution_order])).toEqual([[b.id, 0], [a.id, 1]]);
    const partial = await emu.request('PUT', `${base}/reorder`, { body: { type: 'boot', script_ids: [b.id] } });
    expect(partial.status).toBe(422);
    expect(partial.json.errors.script_ids[0]).toContain('exactly once');

    const badParam = await emu.request('PUT', `${base}/${a.id}`, { body: { parameter_values: { HOST: 'x' } } });
    expect(badParam.json.errors.parameter_values[0]).toContain("'HOST' is not a parameter");
    expect((await put(emu, `${base}/${a.id}`, { parameter_values: { PORT: '8080' } })).parameter_values).toEqual({ PORT: '8080' });

    expect((await emu.request('DELETE', `${base}/${b.id}`)).status).toBe(204);
    expect((await emu.request('GET', `${base}/${a.id}`)).json.execution_order).toBe(0);
    const other = await create(emu, '/blueprint/templates', { name: 'other', generic_image_id: seeds.genericImage });
    expect((await emu.request('GET', `/blueprint/templates/${other.id}/scripts/${a.id}`)).status).toBe(404);

    const inUse = await emu.request('DELETE', `/blueprint/scripts/${s1.id}`);
    expect(inUse.status).toBe(422);
    expect((await emu.request('DELETE', `/blueprint/templates/${template.id}`)).status).toBe(204);
    expect((await emu.request('GET', `${base}/${a.id}`)).status).toBe(404);
    expect((await emu.request('DELETE', `/blueprint/scripts/${s1.id}`)).status).toBe(204);
  });
});

describe('cookbook versions', () => {
  it('takes name, version, description and recipes from the uploaded archive when processed', async () => {
    const cv = await create(emu, '/blueprint/cookbook_versions', {});
    expect(cv).toMatchObject({ state: 'created', name: '', publicly_available: false, recipes: [] });
    expect(cv.upload_url).toMatch(new RegExp(`^https://127\\.0\\.0\\.1:${emu.port}/_uploads/[0-9a-f]{32}$`));
    const early = await emu.request('POST', `/blueprint/cookbook_versions/${cv.id}/process`, { body: {} });
    expect(early.status).toBe(422);

    await emu.request('PUT', cv.upload_url, { raw: cookbookArchive('nginx_site', '1.4.0'), chunked: true });
    const processing = await create(emu, `/blueprint/cookbook_versions/${cv.id}/process`, { filepath: '/tmp/x.tgz', labels: 'a,b' });
    expect(processing.state).toBe('processing');
    const ready = await waitForState(emu, `/blueprint/cookbook_versions/${cv.id}`, 'ready');
    expect(ready.json).toMatchObject({
      name: 'nginx_site',
      version: '1.4.0',
      description: 'Installs a nginx_site',
      recipes: ['nginx_site::config', 'nginx_site::default'],
      revision_id: expect.stringMatching(/^[0-9a-f]{40}$/),
      error_message: '',
    });
    const late = await emu.request('PUT', cv.upload_url, { raw: 'again' });
    expect(late.status).toBe(422);

    const template = await create(emu, '/blueprint/templates', { name: 'uses cv', generic_image_id: seeds.genericImage, cookbook_versions: { nginx_site: { version_id: cv.id } } });
    await put(emu, `/blueprint/templates/${template.id}/compile`, {});
    await waitForState(emu, `/blueprint/templates/${template.id}`, 'ready');
    expect((await emu.request('DELETE', `/blueprint/cookbook_versions/${cv.id}`)).status).toBe(422);
  });

  it('marks a second upload of the same name and version duplicated', async () => {
    const first = await uploadedCookbook('dup', '0.0.1');
    await create(emu, `/blueprint/cookbook_versions/${first.id}/process`, {});
    await waitForState(emu, `/blueprint/cookbook_versions/${first.id}`, 'ready');
    const second = await uploadedCookbook('dup', '0.0.1');
    await create(emu, `/blueprint/cookbook_versions/${second.id}/process`, {});
    const dup = await waitForState(emu, `/blueprint/cookbook_versions/${second.id}`, 'duplicated');
    expect(dup.json.error_message).toContain(first.id);
  });

  it('ends in processing_error for an archive without metadata, and deletes', async () => {
    const cv = await create(emu, '/blueprint/cookbook_versions', { label_ids: [] });
    await emu.request('PUT', cv.upload_url, { raw: Buffer.from('plain text, not a cookbook'), chunked: true });
    await create(emu, `/blueprint/cookbook_versions/${cv.id}/process`, {});
    const failed = await waitForState(emu, `/blueprint/cookbook_versions/${cv.id}`, 'processing_error');
    expect(failed.json.error_message).toContain('metadata');
    expect((await emu.request('DELETE', `/blueprint/cookbook_versions/${cv.id}`)).status).toBe(204);
    expect((await emu.request('GET', `/blueprint/cookbook_versions/${cv.id}`)).status).toBe(404);
    expect((await emu.request('PUT', cv.upload_url, { raw: 'x' })).status).toBe(404);
  });
});

describe('scripts and attachments', () => {
  it('creates scripts with only a name (empty strings, not null) and updates them', async () => {
    const script = await create(emu, '/blueprint/scripts', { name: 'minimal' });
    expect(script).toMatchObject({ name: 'minimal', description: '', code: '', parameters: [], label_ids: [], resource_type: 'script' });
    const dup = await emu.request('POST', '/blueprint/scripts', { body: { name: 'p', parameters: ['A', 'A'] } });
    expect(dup.json.errors.parameters[0]).toContain('twice');
    const updated = await put(emu, `/blueprint/scripts/${script.id}`, { code: 'echo $A', parameters: ['A'] });
    expect(updated).toMatchObject({ name: 'minimal', code: 'echo $A', parameters: ['A'] });
    const list = (await emu.request('GET', '/blueprint/scripts')).json;
    expect(list.find((s: any) => s.id === script.id).code).toBe('echo $A');
  });

  it('uploads an attachment, marks it uploaded and downloads the same bytes', async () => {
    const script = await create(emu, '/blueprint/scripts', { name: 'with files' });
    const attachment = await create(emu, `/blueprint/scripts/${script.id}/attachments`, { name: 'config.tar' });
    expect(attachment).toMatchObject({ name: 'config.tar', uploaded: false, resource_type: 'attachment' });
    const notYet = await emu.request('PUT', `/blueprint/attachments/${attachment.id}/uploaded`, { body: { name: 'config.tar' } });
    expect(notYet.status).toBe(422);
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_v, i) => i % 251));
    const upload = await emu.request('PUT', attachment.upload_url, { raw: bytes, chunked: true });
    expect(upload.status).toBe(200);
    const marked = await put(emu, `/blueprint/attachments/${attachment.id}/uploaded`, { name: 'config.tar' });
    expect(marked.uploaded).toBe(true);
    const download = await emu.request('GET', marked.download_url);
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toBe('attachment; filename="config.tar"');
    expect(download.bytes.equals(bytes)).toBe(true);
    const list = (await emu.request('GET', `/blueprint/scripts/${script.id}/attachments`)).json;
    expect(list.map((a: any) => a.id)).toEqual([attachment.id]);

    expect((await emu.request('DELETE', `/blueprint/scripts/${script.id}`)).status).toBe(204);
    await waitForGone(emu, `/blueprint/attachments/${attachment.id}`);
    expect((await emu.request('GET', marked.download_url)).status).toBe(404);
  });
});
