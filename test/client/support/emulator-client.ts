// Client integration fixtures: an emulator (via the shared test helper) plus an ImcoClient wired to
// its credentials over real mTLS, with fast retries, a leak recorder on every hook line, and
// helpers to read the emulator's journal and look up its seeded catalogues through the client.
import { promises as fs } from 'node:fs';
import { ImcoClient, type ImcoClientOptions, type RequestInfo } from '../../../lib/client';
import type { EmulatorOptions } from '../../../lib/emulator';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';
import { LeakRecorder } from '../../support/client-leak-recorder';

/** Fast retries for tests: many attempts, tiny delays, a generous deadline. */
export const TEST_RETRY = { attempts: 8, baseDelayMs: 2, maxDelayMs: 20, deadlineMs: 20_000 };

export interface JournalEntry {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly fault?: string;
}

export interface ClientHarness {
  readonly emu: TestEmulator;
  readonly client: ImcoClient;
  readonly recorder: LeakRecorder;
  /** Every onRequest line of `client` (and of clients made by `newClient`). */
  readonly lines: RequestInfo[];
  /** Another client on the same emulator, recording into the same lines. */
  newClient(options?: Partial<ImcoClientOptions>): ImcoClient;
  /** The emulator's journal so far. */
  journal(): Promise<JournalEntry[]>;
  dispose(): Promise<void>;
}

export async function startClientHarness(
  emulatorOptions: Partial<EmulatorOptions> = {},
  clientOptions: Partial<ImcoClientOptions> = {},
): Promise<ClientHarness> {
  const emu = await startTestEmulator({ tickMs: 5, ...emulatorOptions });
  const recorder = new LeakRecorder();
  const lines: RequestInfo[] = [];
  const clients: ImcoClient[] = [];
  const newClient = (options: Partial<ImcoClientOptions> = {}): ImcoClient => {
    const c = new ImcoClient({
      endpoint: emu.endpoint,
      caCertPath: emu.caCert,
      clientCertPath: emu.clientCert,
      clientKeyPath: emu.clientKey,
      retry: TEST_RETRY,
      timeoutMs: 10_000,
      onRequest: (info) => {
        lines.push(info);
        recorder.hook(info);
      },
      ...clientOptions,
      ...options,
    });
    clients.push(c);
    return c;
  };
  const client = newClient();
  return {
    emu,
    client,
    recorder,
    lines,
    newClient,
    async journal() {
      await emu.flush();
      const text = await fs.readFile(emu.journalPath, 'utf8');
      return text
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as JournalEntry);
    },
    async dispose() {
      clients.forEach((c) => c.close());
      await emu.dispose();
    },
  };
}

/** Ids of the seeded Mock provider's catalogues, found through the client. */
export interface Seeds {
  readonly provider: string;
  readonly account: string;
  readonly serverPlan: string;
  readonly realm: string;
  readonly realmProviderName: string;
  readonly storagePlan: string;
  readonly genericImage: string;
  readonly saasProvider: string;
}

export async function mockSeeds(client: ImcoClient): Promise<Seeds> {
  const provider = (await client.cloudProviders.list()).find((p) => p.name === 'Mock');
  if (!provider) throw new Error('the emulator seeds no Mock cloud provider');
  const account = (await client.cloudAccounts.list()).find((a) => a.cloud_provider_id === provider.id)!;
  const realm = (await client.realms.list(provider.id))[0];
  const storagePlan = (await client.storagePlans.list(provider.id)).find((s) => !s.deprecated && s.realm_id === realm.id)!;
  const saasProviders = await client.saasProviders.list();
  return {
    provider: provider.id,
    account: account.id,
    serverPlan: (await client.serverPlans.list(provider.id))[0].id,
    realm: realm.id,
    realmProviderName: realm.provider_name as string,
    storagePlan: storagePlan.id,
    genericImage: (await client.genericImages.list())[0].id,
    saasProvider: saasProviders[0].id,
  };
}
