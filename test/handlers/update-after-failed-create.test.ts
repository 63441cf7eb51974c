// The `_sync` update of the apply after a failed create (issue 13 item 10), against the emulator
// over mTLS: the object was never made, and the update says that the create failed in an earlier
// apply (with its reason) and that it creates the object now — not "deleted outside Terraform?".
// Once made, the failure is forgotten: a later out-of-band delete is not blamed on the old create.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { FirewallProfile, ImcoSettings } from '../../lib/constructs';
import { apiOf } from '../../lib/handlers/client-api';
import { makeInvocationContext } from '../../lib/handlers/invocation-context';
import { earlierCreateFailure, markCreateFailed } from '../../lib/handlers/run-marker';
import { runUpdate } from '../../lib/handlers/reconcile';
import { startClientHarness, type ClientHarness } from '../client/support/emulator-client';

jest.setTimeout(60_000);

let harness: ClientHarness;
beforeAll(async () => {
  harness = await startClientHarness();
});
afterAll(() => harness?.dispose());

test('the update after a failed create says so and creates the object; a later out-of-band delete is reported as such', async () => {
  const app = new App({ outdir: join(harness.emu.dir, 'out') });
  const stack = new TerraformStack(app, 'retry');
  new ImcoSettings(stack, 'imco', { endpoint: harness.emu.endpoint, bridgeCommand: 'imco-bridge' });
  const fw = new FirewallProfile(stack, 'web', { name: 'retry-web', rules: [{ protocol: 'tcp', port: 443, source: '0.0.0.0/0' }] });
  const api = apiOf(harness.client);
  const markers = mkdtempSync(join(tmpdir(), 'imco-markers-'));

  const saved = process.env.IMCO_BRIDGE_MARKERS;
  process.env.IMCO_BRIDGE_MARKERS = markers;
  try {
    // Apply 1 (another Terraform run): the create failed before making anything.
    markCreateFailed('tf-web', "IMCO POST /network/firewall_profiles failed (422): name: can't be blank", '1:1');
    const lines: string[] = [];
    const made = await runUpdate(makeInvocationContext(fw.spec, api, (l) => lines.push(l)), 'tf-web');
    expect(lines[0]).toBe(
      "imco-bridge: web: its create failed in an earlier apply (IMCO POST /network/firewall_profiles failed (422): name: can't be blank); creating the firewall profile now",
    );
    expect(lines.join('\n')).not.toContain('deleted outside Terraform');
    expect((harness.emu.snapshot().firewall_profile ?? []).filter((p) => p.id === made.id)).toHaveLength(1);
    expect(earlierCreateFailure('tf-web')).toBeUndefined();

    // Later, someone deletes it in IMCO: that is what the next update says.
    await api.remove('firewall_profile', made.id);
    const later: string[] = [];
    await runUpdate(makeInvocationContext(fw.spec, api, (l) => later.push(l)), 'tf-web');
    expect(later[0]).toBe(
      'imco-bridge: web: firewall profile not found in IMCO: deleted outside Terraform, or its create failed in an earlier apply; creating it now',
    );
  } finally {
    if (saved === undefined) delete process.env.IMCO_BRIDGE_MARKERS;
    else process.env.IMCO_BRIDGE_MARKERS = saved;
  }
});
