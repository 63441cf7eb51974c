// The examples' lookups against a live emulator: with credentials and no context file, synth fetches
// every lookup (through `imco-bridge context fetch`) and writes imco.context.json. The file it
// writes must hold exactly the seeded values the other example tests use, so those fixtures
// follow the emulator's catalogue. A second synth in strict mode then needs no network.
// The emulator runs as a child process (`imco-emulator`): a fetch blocks this process until it ends.
import { readFileSync } from 'node:fs';
import { NetworkOnlyStack } from '../../examples/network-only';
import { ServerArrayStack } from '../../examples/server-array';
import { readContextFile } from '../../lib/synth/context-file';
import { startEmulatorProcess, type EmulatorProcess } from '../support/emulator-process';
import { seededLookups, synthExample } from './support';

jest.setTimeout(120_000);

let emulator: EmulatorProcess;
beforeAll(async () => {
  emulator = await startEmulatorProcess();
});
afterAll(async () => {
  await emulator?.dispose();
});

function credentials(): Record<string, string | undefined> {
  return {
    IMCO_CONTEXT: undefined,
    CONCERTO_ENDPOINT: emulator.endpoint,
    CONCERTO_CA_CERT: emulator.caCert,
    CONCERTO_CLIENT_CERT: emulator.clientCert,
    CONCERTO_CLIENT_KEY: emulator.clientKey,
    IMCO_NETWORK_VPN_PSK: 'psk-for-the-lookup-test',
  };
}

test.each([
  ['network-only', (app: import('cdktf').App, id: string) => new NetworkOnlyStack(app, id)],
  ['server-array', (app: import('cdktf').App, id: string) => new ServerArrayStack(app, id)],
])('%s: lookups fetched from the emulator equal the seeded context the tests use', (_name, build) => {
  const fetched = synthExample(build, { env: credentials() });
  expect(fetched.errors).toEqual([]);
  const entries = readContextFile(fetched.contextFile).entries;
  const seeded = seededLookups();
  expect(Object.keys(entries).length).toBeGreaterThan(0);
  for (const [key, value] of Object.entries(entries)) expect({ key, value }).toEqual({ key, value: seeded[key] });

  // The file it wrote is enough for a strict synth, and that synth gives the same cdk.tf.json.
  const strict = synthExample(build, {
    lookups: entries,
    env: { ...credentials(), IMCO_CONTEXT: 'strict', CONCERTO_ENDPOINT: emulator.endpoint },
  });
  expect(strict.errors).toEqual([]);
  expect(strict.text).toBe(fetched.text);
  expect(readFileSync(strict.contextFile, 'utf8')).toBe(readFileSync(fetched.contextFile, 'utf8'));
});
