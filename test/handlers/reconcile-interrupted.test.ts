// Handlers against the emulator after an interrupted create: a runner killed between a cookbook
// version's POST and its archive upload leaves an owned version in state `created`. When Terraform
// had already recorded the lifecycle resource, the next apply only runs `update` (the _sync
// resource); it must finish the creation (upload, process) instead of waiting for `ready` forever.
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { OWNER_NAMESPACE } from '../../lib/spec/spec';
import { ImcoClient } from '../../lib/client';
import { CookbookVersion, ImcoSettings } from '../../lib/constructs';
import { apiOf } from '../../lib/handlers/client-api';
import { makeInvocationContext } from '../../lib/handlers/invocation-context';
import { runUpdate } from '../../lib/handlers/reconcile';
import { startTestEmulator, type TestEmulator } from '../support/emulator';

const FIXTURES = join(__dirname, '..', 'constructs', 'fixtures');

let emulator: TestEmulator;
let client: ImcoClient;

beforeAll(async () => {
  emulator = await startTestEmulator();
  client = new ImcoClient({
    endpoint: emulator.endpoint,
    caCertPath: emulator.caCert,
    clientCertPath: emulator.clientCert,
    clientKeyPath: emulator.clientKey,
    retry: { attempts: 3, baseDelayMs: 2, maxDelayMs: 20, deadlineMs: 10_000 },
  });
});

afterAll(async () => {
  client?.close();
  await emulator?.dispose();
});

test('update finishes a cookbook version whose creation was interrupted before the upload', async () => {
  const app = new App({ outdir: join(emulator.dir, 'out') });
  const stack = new TerraformStack(app, 'interrupted');
  new ImcoSettings(stack, 'imco', { endpoint: emulator.endpoint, bridgeCommand: 'imco-bridge' });
  const cookbook = new CookbookVersion(stack, 'webapp', { source: join(FIXTURES, 'cookbooks', 'webapp') });
  const spec = { ...cookbook.spec, timeoutSeconds: 20 };

  // What the killed create handler left behind: the ownership label and the bare POSTed version.
  const label = await emulator.request('POST', '/labels', { body: { name: cookbook.ownerLabel, namespace: OWNER_NAMESPACE } });
  const created = await emulator.request('POST', '/blueprint/cookbook_versions', { body: { label_ids: [label.json.id] } });
  expect(created.json.state).toBe('created');

  const lines: string[] = [];
  const live = await runUpdate(makeInvocationContext(spec, apiOf(client), (l) => lines.push(l)));
  expect(live.id).toBe(created.json.id);
  const after = await emulator.request('GET', `/blueprint/cookbook_versions/${String(created.json.id)}`);
  expect(after.json.state).toBe('ready');
  expect(lines.some((l) => l.includes('uploading cookbook archive'))).toBe(true);
  expect((emulator.snapshot().cookbook_version ?? []).filter((c) => !emulator.isSeeded('cookbook_version', String(c.id)))).toHaveLength(1);
});
