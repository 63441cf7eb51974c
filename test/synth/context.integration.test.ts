// Lookups filled from the emulator: the first synth writes imco.context.json, a second synth (and a
// `context refresh`) leaves it byte-identical, and the synthesized JSON is the same both times.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { App, TerraformStack } from 'cdktf';
import { CloudAccount, GenericImage, ImcoSettings, Realm, SaasProvider, ServerPlan, StoragePlan, Vpc } from '../../lib/constructs';
import { seedId } from '../../lib/emulator/ids';
import { resetLookupCache } from '../../lib/synth/lookups';
import { startEmulatorProcess, type EmulatorProcess } from '../support/emulator-process';

jest.setTimeout(120_000);

let platform: EmulatorProcess;
beforeAll(async () => {
  platform = await startEmulatorProcess();
});
afterAll(async () => {
  await platform?.dispose();
  delete process.env.IMCO_CONTEXT_FILE;
});

function synth(outdir: string): string {
  resetLookupCache();
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'ctx');
  new ImcoSettings(stack, 'imco', {
    endpoint: platform.endpoint,
    credentials: { caCertPath: platform.caCert, clientCertPath: platform.clientCert, clientKeyPath: platform.clientKey },
  });
  const account = CloudAccount.fromName(stack, 'AWS-cloud_account-production');
  ServerPlan.lookup(stack, { cloudProvider: 'AWS', name: 't3.medium', location: 'North America' });
  GenericImage.fromName(stack, 'Ubuntu 22.04 Jammy Jellyfish x86_64');
  StoragePlan.lookup(stack, { cloudProvider: 'AWS', name: 'gp3', location: 'North America' });
  SaasProvider.fromName(stack, 'New Relic');
  const realm = Realm.lookup(stack, { cloudProvider: 'AWS', name: 'US East (N. Virginia)' });
  new Vpc(stack, 'vpc', { name: 'ctx', cidr: '10.70.0.0/16', cloudAccount: account, realmProviderName: realm.providerName });
  const problems = stack.node.findAll().flatMap((c) => c.node.validate());
  expect(problems).toEqual([]);
  app.synth();
  return readFileSync(join(outdir, 'stacks', 'ctx', 'cdk.tf.json'), 'utf8');
}

test('context filled from the emulator is byte-identical across synths and refreshes', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'imco-ctx-int-')), 'imco.context.json');
  process.env.IMCO_CONTEXT_FILE = file;
  const first = synth(mkdtempSync(join(tmpdir(), 'imco-out-')));
  const written = readFileSync(file, 'utf8');
  const lookups = JSON.parse(written).lookups;
  expect(Object.keys(lookups)).toHaveLength(6);
  expect(lookups['cloud_account:name=AWS-cloud_account-production'].id).toBe(seedId('cloud_account:AWS-cloud_account-production'));
  expect(lookups['storage_plan:cloudProvider=AWS;location=North America;name=gp3']).toMatchObject({ min_size: 1, max_size: 16384 });

  const second = synth(mkdtempSync(join(tmpdir(), 'imco-out-')));
  expect(readFileSync(file, 'utf8')).toBe(written);
  expect(second).toBe(first);

  const bridge = join(__dirname, '..', '..', 'bin', 'imco-bridge.js');
  const refresh = await promisify(execFile)(process.execPath, [bridge, 'context', 'refresh', '--file', file], {
    env: {
      ...process.env,
      CONCERTO_ENDPOINT: platform.endpoint,
      CONCERTO_CA_CERT: platform.caCert,
      CONCERTO_CLIENT_CERT: platform.clientCert,
      CONCERTO_CLIENT_KEY: platform.clientKey,
    },
  });
  expect(refresh.stdout.split('\n').filter((l) => l && !l.startsWith('unchanged'))).toEqual([]);
  expect(readFileSync(file, 'utf8')).toBe(written);
});
