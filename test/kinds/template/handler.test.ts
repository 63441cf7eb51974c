// A template's run list, cookbooks and configuration attributes reach servers only through a
// compile (IMCO API v2 §4.1): an update of any of them is followed by a compile, a rename is not.
// Against the emulator over mTLS, through the handlers' create and update flows.
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { ImcoSettings, Template } from '../../../lib/constructs';
import { apiOf } from '../../../lib/handlers/client-api';
import { makeInvocationContext } from '../../../lib/handlers/invocation-context';
import { runCreate, runUpdate } from '../../../lib/handlers/reconcile';
import { startClientHarness, type ClientHarness } from '../../client/support/emulator-client';
import { seedsOf } from '../../support/seeds';

jest.setTimeout(60_000);

let harness: ClientHarness;
beforeAll(async () => {
  harness = await startClientHarness();
});
afterAll(() => harness?.dispose());

/** The template's spec as a synth with these props makes it (same stack and path every time). */
function templateSpec(props: { name: string; runList: string[] }) {
  const app = new App({ outdir: join(harness.emu.dir, 'out') });
  const stack = new TerraformStack(app, 'tpl');
  new ImcoSettings(stack, 'imco', { endpoint: harness.emu.endpoint, bridgeCommand: 'imco-bridge' });
  return new Template(stack, 'web', { ...props, genericImage: seedsOf(harness.emu).genericImageId }).spec;
}

async function compilesDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const before = (await harness.journal()).length;
  await fn();
  return (await harness.journal()).slice(before).filter((e) => e.method === 'PUT' && e.path.endsWith('/compile')).map((e) => e.path);
}

test('a run-list change is compiled; a rename alone is not', async () => {
  const api = apiOf(harness.client);
  const ctx = (spec: ReturnType<typeof templateSpec>) => makeInvocationContext(spec, api, () => undefined);
  let id = '';
  expect(await compilesDuring(async () => (id = (await runCreate(ctx(templateSpec({ name: 'web', runList: ['recipe[a]'] })))).id))).toHaveLength(1);
  expect(await compilesDuring(() => runUpdate(ctx(templateSpec({ name: 'web', runList: ['recipe[a]', 'recipe[b]'] }))))).toEqual([`/v2/blueprint/templates/${id}/compile`]);
  expect(await compilesDuring(() => runUpdate(ctx(templateSpec({ name: 'web-renamed', runList: ['recipe[a]', 'recipe[b]'] }))))).toEqual([]);
  const live = await api.show('template', id);
  expect({ state: live.state, run_list: live.run_list, name: live.name }).toEqual({ state: 'ready', run_list: ['recipe[a]', 'recipe[b]'], name: 'web-renamed' });
});
