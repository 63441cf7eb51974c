// The tfplugin6.Provider service without a network: requests encoded as Terraform sends them,
// answers decoded as Terraform reads them.
import { decode, encode, ExtData } from '@msgpack/msgpack';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeMessage, encodeMessage } from '../../../lib/provider/protocol/descriptors';
import { ProviderService } from '../../../lib/provider/protocol/provider-service';
import { UnknownValue, type ProviderDefinition, type ResourceType } from '../../../lib/provider/resource-type';
import { fakeDefinition, readStore, testResource } from '../support/fake-definition';

type Msg = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const store = join(mkdtempSync(join(tmpdir(), 'imco-fake-store-')), 'store.json');
process.env.FAKE_IMCO_STORE = store;

const unknownThen = (after: number): ResourceType => ({
  ...testResource,
  typeName: 'imco_slow',
  async plan(_req, ctx) {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, after);
      ctx.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(new Error('stopped by Terraform'));
      });
    });
    return { planned: null };
  },
  async apply(_req, ctx) {
    ctx.log('waiting for x\nto be ready');
    return { newState: { id: 'x', name: new UnknownValue() } };
  },
});
const boom: ResourceType = {
  ...testResource,
  typeName: 'imco_boom',
  async read() {
    throw new Error('kaboom\n    at secret (/x.js:1:1)');
  },
};
const definition: ProviderDefinition = { ...fakeDefinition(), resources: [testResource, unknownThen(5000), boom] };

function service(): Map<string, (b: Uint8Array, c: { onClosed(cb: () => void): void }) => Promise<Uint8Array> | Uint8Array> {
  return new Map(new ProviderService(definition).routes());
}
const routes = service();

async function call(method: string, request: object, responseType = `tfplugin6.${method}.Response`, requestType = `tfplugin6.${method}.Request`): Promise<Msg> {
  const handler = routes.get(`/tfplugin6.Provider/${method}`);
  if (!handler) throw new Error(`no route ${method}`);
  const bytes = requestType === 'none' ? new Uint8Array() : encodeMessage(requestType, request);
  return decodeMessage<Msg>(responseType, await handler(bytes, { onClosed: () => undefined }));
}
const mp = (v: unknown) => ({ msgpack: encode(v) });
const value = (dv: Msg | null | undefined): any => (dv?.msgpack?.length ? decode(dv.msgpack) : undefined); // eslint-disable-line @typescript-eslint/no-explicit-any
const summaries = (r: Msg): string[] => (r.diagnostics ?? []).map((d: Msg) => d.summary);

describe('provider service', () => {
  it('GetMetadata lists the resources and the server capabilities', async () => {
    const r = await call('GetMetadata', {}, undefined, 'none');
    expect(r.resources.map((x: Msg) => x.type_name)).toEqual(['imco_test', 'imco_slow', 'imco_boom']);
    expect(r.server_capabilities).toMatchObject({ plan_destroy: true, get_provider_schema_optional: true });
  });

  it('GetProviderSchema carries types as cty JSON, nested attributes, blocks and write-only flags', async () => {
    const r = await call('GetProviderSchema', {}, undefined, 'none');
    expect(r.provider.block.attributes.map((a: Msg) => a.name)).toEqual(['endpoint']);
    const s = r.resource_schemas.imco_test;
    expect(Number(s.version)).toBe(1);
    const attr = (n: string): Msg => s.block.attributes.find((a: Msg) => a.name === n);
    expect(JSON.parse(Buffer.from(attr('tags').type).toString())).toEqual(['map', 'string']);
    expect(attr('rules').nested_type.nesting).toBe(2);
    expect(attr('rules').nested_type.attributes.map((a: Msg) => a.name)).toEqual(['ip_protocol', 'min_port', 'max_port']);
    expect(attr('secret_wo')).toMatchObject({ write_only: true, sensitive: true, optional: true });
    expect(attr('id')).toMatchObject({ computed: true, required: false });
    expect(s.block.block_types[0]).toMatchObject({ type_name: 'timeouts', nesting: 1 });
  });

  it('plans a create with computed values unknown and a refined unknown passed back unchanged', async () => {
    const refined = new ExtData(12, encode(new Map([[3, 'child-of-']])));
    const proposed = { name: refined, id: null, cidr: null, secret_wo: null };
    const r = await call('PlanResourceChange', { type_name: 'imco_test', proposed_new_state: mp(proposed), config: mp(proposed), prior_state: mp(null) });
    const planned = value(r.planned_state);
    expect(planned.id).toBeInstanceOf(ExtData);
    expect(planned.name.type).toBe(12);
    expect(Buffer.from(planned.name.data).equals(Buffer.from(refined.data as Uint8Array))).toBe(true);
    expect(r.requires_replace).toEqual([]);
  });

  it('answers requires_replace as attribute paths', async () => {
    const prior = { id: 't-1', name: 'a', cidr: '10.0.0.0/16', state: 'ready' };
    const r = await call('PlanResourceChange', { type_name: 'imco_test', prior_state: mp(prior), proposed_new_state: mp({ ...prior, cidr: '10.1.0.0/16' }), config: mp({ name: 'a', cidr: '10.1.0.0/16' }) });
    expect(r.requires_replace.map((p: Msg) => p.steps.map((s: Msg) => s.attribute_name))).toEqual([['cidr']]);
  });

  it('nulls a write-only attribute in the new state even when the resource returns it', async () => {
    const planned = { id: new ExtData(0, Uint8Array.of(0)), name: 'a', state: new ExtData(0, Uint8Array.of(0)) };
    const r = await call('ApplyResourceChange', { type_name: 'imco_test', prior_state: mp(null), planned_state: mp(planned), config: mp({ name: 'a', secret_wo: 'pa55word' }) });
    expect(summaries(r)).toEqual([]);
    const state = value(r.new_state);
    expect(state.secret_wo).toBeNull();
    expect(Buffer.from(r.new_state.msgpack).includes('pa55word')).toBe(false);
    expect(readStore(store).secretsSeen[state.id]).toBe('pa55word');
  });

  it('refuses a state left unknown after apply, naming the attribute; progress goes to the log as one INFO line', async () => {
    const write = process.stderr.write;
    let logged = '';
    process.stderr.write = ((chunk: string) => {
      logged += chunk;
      return true;
    }) as typeof process.stderr.write;
    const r = await call('ApplyResourceChange', { type_name: 'imco_slow', planned_state: mp({ name: 'a' }), prior_state: mp(null), config: mp({ name: 'a' }) });
    process.stderr.write = write;
    expect(logged).toBe('[INFO] imco_slow: waiting for x to be ready\n');
    expect(summaries(r)).toEqual(['imco_slow: name is still unknown after apply (a provider defect): report it']);
    expect(r.diagnostics[0].attribute.steps).toEqual([{ attribute_name: 'name' }]);
  });

  it('turns an exception into one error diagnostic, no stack', async () => {
    const r = await call('ReadResource', { type_name: 'imco_boom', current_state: mp({ id: 'x', name: 'a' }) });
    expect(summaries(r)).toEqual(['imco_boom: kaboom']);
    expect(r.diagnostics[0].severity).toBe(1);
  });

  it('names the resource types it serves when asked for another one', async () => {
    const r = await call('ReadResource', { type_name: 'imco_nope', current_state: mp({ id: 'x' }) });
    expect(summaries(r)).toEqual(['resource type imco_nope is not served by this provider (it serves imco_test, imco_slow, imco_boom); check the resource type name']);
  });

  it("carries a resource's private data on when the resource does not replace it", async () => {
    const { id } = value((await call('ApplyResourceChange', { type_name: 'imco_test', planned_state: mp({ name: 'p' }), prior_state: mp(null), config: mp({ name: 'p' }), planned_private: Uint8Array.of(7, 8) })).new_state);
    const r = await call('ReadResource', { type_name: 'imco_test', current_state: mp({ id, name: 'p' }), private: Uint8Array.of(1, 2, 3) });
    expect([...r.private]).toEqual([1, 2, 3]);
    const deleted = await call('ApplyResourceChange', { type_name: 'imco_test', prior_state: mp({ id, name: 'p' }), planned_state: mp(null), config: mp(null), planned_private: Uint8Array.of(7, 8) });
    expect([...deleted.private]).toEqual([]);
  });

  it('reads an object gone from IMCO as a null state', async () => {
    const r = await call('ReadResource', { type_name: 'imco_test', current_state: mp({ id: 'gone', name: 'a' }) });
    expect([...r.new_state.msgpack]).toEqual([0xc0]);
  });

  it('refuses write-only attributes for a Terraform that does not announce them, with the path', async () => {
    const config = mp({ name: 'a', secret_wo: 'x' });
    const old = await call('ValidateResourceConfig', { type_name: 'imco_test', config });
    expect(summaries(old)).toEqual(['imco_test: secret_wo is a write-only attribute, which needs Terraform 1.11 or later: upgrade Terraform']);
    expect(old.diagnostics[0].attribute.steps).toEqual([{ attribute_name: 'secret_wo' }]);
    const now = await call('ValidateResourceConfig', { type_name: 'imco_test', config, client_capabilities: { write_only_attributes_allowed: true } });
    expect(summaries(now)).toEqual([]);
    const bad = await call('ValidateResourceConfig', { type_name: 'imco_test', config: mp({ name: 'a', size: -1 }), client_capabilities: { write_only_attributes_allowed: true } });
    expect(summaries(bad)).toEqual(['size must be 0 or more']);
  });

  it('upgrades JSON raw state from an older schema version through the resource, dropping unknown attributes', async () => {
    const json = Buffer.from(JSON.stringify({ id: 'x', title: 'old name', gone_attr: 1 }));
    const r = await call('UpgradeResourceState', { type_name: 'imco_test', version: 0, raw_state: { json } });
    const state = value(r.upgraded_state);
    expect(state).toMatchObject({ id: 'x', name: 'old name', size: null });
    expect('gone_attr' in state || 'title' in state).toBe(false);
  });

  it('refuses state written by a newer schema version', async () => {
    const r = await call('UpgradeResourceState', { type_name: 'imco_test', version: 7, raw_state: { json: Buffer.from('{"id":"x"}') } });
    expect(summaries(r)[0]).toBe('imco_test: the state was written by a newer terraform-provider-imco (schema version 7, this one knows 1): use that provider version or later');
  });

  it('imports with every attribute of the schema present', async () => {
    const { id } = value((await call('ApplyResourceChange', { type_name: 'imco_test', planned_state: mp({ name: 'imp' }), prior_state: mp(null), config: mp({ name: 'imp' }) })).new_state);
    const r = await call('ImportResourceState', { type_name: 'imco_test', id }, 'tfplugin6.ImportResourceState.Response');
    expect(r.imported_resources).toHaveLength(1);
    const state = value(r.imported_resources[0].state);
    expect(state.id).toBe(id);
    expect(Object.keys(state)).toContain('rules');
  });

  it('StopProvider aborts the signal of the calls in flight', async () => {
    const pending = call('PlanResourceChange', { type_name: 'imco_slow', proposed_new_state: mp({ name: 'a' }), config: mp({ name: 'a' }), prior_state: mp(null) });
    await new Promise((r) => setTimeout(r, 50));
    const stop = await call('StopProvider', {});
    expect(stop.Error).toBe('');
    expect(summaries(await pending)).toEqual(['imco_slow: stopped by Terraform']);
  });

  it('answers with the message of a definition that fails to load, at the first RPC, not at start', async () => {
    let built = 0;
    const broken = new Map(
      new ProviderService(() => {
        built++;
        throw new Error('catalog kind vpc has no fields');
      }).routes(),
    );
    expect(built).toBe(0);
    const meta = decodeMessage<Msg>('tfplugin6.GetMetadata.Response', await broken.get('/tfplugin6.Provider/GetMetadata')!(new Uint8Array(), { onClosed: () => undefined }));
    expect(summaries(meta)).toEqual(['provider definition: catalog kind vpc has no fields']);
    const schema = decodeMessage<Msg>('tfplugin6.GetProviderSchema.Response', await broken.get('/tfplugin6.Provider/GetProviderSchema')!(new Uint8Array(), { onClosed: () => undefined }));
    expect(summaries(schema)).toEqual(['provider schema: catalog kind vpc has no fields']);
  });

  it('answers data sources and functions cleanly', async () => {
    expect(summaries(await call('ReadDataSource', {}, 'tfplugin6.DiagnosticsAt2', 'tfplugin6.Empty'))[0]).toMatch(/has no data sources/);
    expect(await call('GetFunctions', {}, undefined, 'none')).toMatchObject({ diagnostics: [] });
  });

  describe('MoveResourceState', () => {
    const seen: unknown[] = [];
    const movable: ResourceType = {
      ...testResource,
      typeName: 'imco_movable',
      async moveState(req) {
        seen.push(req);
        if (req.sourceState.input === 'missing') return { targetState: null, diagnostics: [{ severity: 'error', summary: 'no such object' }] };
        return { targetState: { id: String(req.sourceState.id), name: 'moved', cidr: null, size: null, tags: null, labels: null, rules: null, secret_wo: 'never', timeouts: null } };
      },
    };
    const moving = new Map(new ProviderService({ ...fakeDefinition(), resources: [testResource, movable] }).routes());
    const move = async (request: object): Promise<Msg> =>
      decodeMessage<Msg>('tfplugin6.MoveResourceState.Response', await moving.get('/tfplugin6.Provider/MoveResourceState')!(encodeMessage('tfplugin6.MoveResourceState.Request', request), { onClosed: () => undefined }));
    const source = (state: object) => ({
      source_provider_address: 'terraform.io/builtin/terraform',
      source_type_name: 'terraform_data',
      source_schema_version: 0,
      source_state: { json: Buffer.from(JSON.stringify(state)) },
    });

    it('the capability is declared only when a resource type takes moves', async () => {
      expect((await call('GetMetadata', {}, undefined, 'none')).server_capabilities.move_resource_state).toBeFalsy();
      const meta = decodeMessage<Msg>('tfplugin6.GetMetadata.Response', await moving.get('/tfplugin6.Provider/GetMetadata')!(new Uint8Array(), { onClosed: () => undefined }));
      expect(meta.server_capabilities.move_resource_state).toBe(true);
      const schema = decodeMessage<Msg>('tfplugin6.GetProviderSchema.Response', await moving.get('/tfplugin6.Provider/GetProviderSchema')!(new Uint8Array(), { onClosed: () => undefined }));
      expect(schema.server_capabilities.move_resource_state).toBe(true);
    });

    it('hands the source state (JSON decoded) to the target type and encodes its state by the target schema', async () => {
      const r = await move({ ...source({ id: 'tf-1', input: 'x' }), target_type_name: 'imco_movable', source_private: Buffer.from('p') });
      expect(summaries(r)).toEqual([]);
      expect(value(r.target_state)).toMatchObject({ id: 'tf-1', name: 'moved', secret_wo: null });
      expect(seen.at(-1)).toEqual({
        sourceProviderAddress: 'terraform.io/builtin/terraform',
        sourceTypeName: 'terraform_data',
        sourceSchemaVersion: 0,
        sourceState: { id: 'tf-1', input: 'x' },
        sourcePrivate: Buffer.from('p'),
      });
    });

    it("the target type's error diagnostics are the answer; a type without moveState refuses naming the fix", async () => {
      expect(summaries(await move({ ...source({ id: 'tf-2', input: 'missing' }), target_type_name: 'imco_movable' }))).toEqual(['no such object']);
      expect(summaries(await move({ ...source({ id: 'tf-3' }), target_type_name: 'imco_test' }))).toEqual([
        'imco_test cannot take over the state of terraform_data (terraform.io/builtin/terraform): remove the moved block, and adopt the object with an import block instead',
      ]);
      expect(summaries(await move({ ...source({}), source_state: { json: Buffer.from('{') }, target_type_name: 'imco_movable' }))[0]).toMatch(/not valid JSON/);
    });
  });
});
