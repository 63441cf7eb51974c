// Server array sizes against the emulator over mTLS (issue 13 item 6): `size: 0` empties the array
// in place through the `empty` action (its members shut down and decommissioned, the array kept);
// another smaller size is refused with the -replace command naming the lifecycle resource.
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { ImcoSettings, ServerArray, Template } from '../../../lib/constructs';
import type { BridgeSpec } from '../../../lib/spec/spec';
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

let apps = 0;
/** The template's and the array's specs of stack `sizes` with the array at `size`. */
function specs(size: number): { template: BridgeSpec; array: BridgeSpec } {
  const seeds = seedsOf(harness.emu);
  const app = new App({ outdir: join(harness.emu.dir, `out-${apps++}`) });
  const stack = new TerraformStack(app, 'sizes');
  new ImcoSettings(stack, 'imco', { endpoint: harness.emu.endpoint, bridgeCommand: 'imco-bridge' });
  const template = new Template(stack, 'tpl', { name: 'tpl', genericImage: seeds.genericImageId });
  const array = new ServerArray(stack, 'web', { name: 'web', template, cloudAccount: seeds.cloudAccountId, serverPlan: seeds.serverPlanId, size });
  return { template: { ...template.spec, timeoutSeconds: 30 }, array: { ...array.spec, timeoutSeconds: 30 } };
}

const members = (arrayId: string) => (harness.emu.snapshot().server ?? []).filter((s) => s.server_array_id === arrayId);

test('size 0 empties the array in place; a shrink to 1 is refused naming terraform_data.web for -replace', async () => {
  const api = apiOf(harness.client);
  const quiet = () => undefined;
  const first = specs(3);
  await runCreate(makeInvocationContext(first.template, api, quiet));
  const array = await runCreate(makeInvocationContext(first.array, api, quiet));
  expect(members(array.id)).toHaveLength(3);

  await expect(runUpdate(makeInvocationContext(specs(1).array, api, quiet))).rejects.toThrow(
    "server array 'web' has 3 servers and cannot shrink to 1: IMCO API v2 can only enlarge an array or empty it (size 0). " +
      "Set size back to 3, or to 0 to empty it, or rebuild it with 1 servers: terraform apply -replace='terraform_data.web'",
  );
  expect(members(array.id)).toHaveLength(3);

  const lines: string[] = [];
  await runUpdate(makeInvocationContext(specs(0).array, api, (l) => lines.push(l)));
  expect(lines.join('\n')).toContain('emptying server array (3 servers) as size 0 asks');
  expect(members(array.id)).toEqual([]);
  const kept = (harness.emu.snapshot().server_array ?? []).find((a) => a.id === array.id);
  expect(kept).toBeDefined();
  expect((await api.show('server_array', array.id)).size).toBe(0);

  // And it grows again from 0.
  await runUpdate(makeInvocationContext(specs(2).array, api, quiet));
  expect(members(array.id)).toHaveLength(2);
});
