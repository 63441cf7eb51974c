// Emulators for the benchmark: each in a fresh temporary directory on 127.0.0.1, the seeded
// catalogue ids the stacks use for read-only references (no lookups), and journal counting.
import { promises as fs, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../lib/emulator';

/** Seeded ids of one cloud provider, for read-only references in benchmark stacks. */
export interface BenchSeeds {
  readonly cloudAccountId: string;
  readonly serverPlanId: string;
  readonly storagePlan: { readonly id: string; readonly minSize: number; readonly maxSize: number };
  readonly realmId: string;
  readonly realmProviderName: string;
  readonly vpnPlanId: string;
  readonly genericImageId: string;
  readonly saasProviderIds: readonly string[];
}

/** Credentials and endpoint a stack is synthesized for (paths only). */
export interface BenchTarget {
  readonly endpoint: string;
  readonly caCert: string;
  readonly clientCert: string;
  readonly clientKey: string;
}

export interface BenchEmulator extends RunningEmulator {
  /** Stops the emulator and removes its directory. */
  dispose(): Promise<void>;
}

export async function startBenchEmulator(options: Partial<EmulatorOptions> = {}): Promise<BenchEmulator> {
  const dir = await fs.mkdtemp(join(tmpdir(), 'imco-bench-emulator-'));
  const running = await startEmulator({ tickMs: 5, ...options, host: '127.0.0.1', port: 0, dir });
  return {
    ...running,
    async dispose() {
      await running.stop();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

export function targetOf(e: RunningEmulator): BenchTarget {
  return { endpoint: e.endpoint, caCert: e.caCert, clientCert: e.clientCert, clientKey: e.clientKey };
}

/** The CONCERTO_* environment a handler (or terraform's provisioners) runs with. */
export function credentialEnv(e: BenchTarget): Record<string, string> {
  return { CONCERTO_ENDPOINT: e.endpoint, CONCERTO_CA_CERT: e.caCert, CONCERTO_CLIENT_CERT: e.clientCert, CONCERTO_CLIENT_KEY: e.clientKey };
}

type Obj = Record<string, unknown>;

const SAAS_ORDER = ['New Relic', 'Datadog', 'Loggly'];

export function seedsOf(e: RunningEmulator, providerName = 'AWS'): BenchSeeds {
  const s = e.snapshot();
  const pick = (kind: string, pred: (o: Obj) => boolean): Obj => {
    const found = (s[kind] ?? []).find(pred);
    if (!found) throw new Error(`the emulator has no seeded ${kind} for ${providerName}`);
    return found;
  };
  const provider = pick('cloud_provider', (p) => p.name === providerName);
  const ofProvider = (o: Obj) => o.cloud_provider_id === provider.id;
  const storage = pick('storage_plan', (o) => ofProvider(o) && !o.deprecated);
  const realm = pick('realm', ofProvider);
  return {
    cloudAccountId: String(pick('cloud_account', ofProvider).id),
    serverPlanId: String(pick('server_plan', ofProvider).id),
    storagePlan: { id: String(storage.id), minSize: Number(storage.min_size), maxSize: Number(storage.max_size) },
    realmId: String(realm.id),
    realmProviderName: String(realm.provider_name),
    vpnPlanId: String(pick('vpn_plan', ofProvider).id),
    genericImageId: String(pick('generic_image', () => true).id),
    // In the order of BENCH_SAAS_0..2 (fixtures.ts): New Relic, Datadog, Loggly.
    saasProviderIds: SAAS_ORDER.map((name) => (s.saas_provider ?? []).find((p) => p.name === name))
      .filter((p): p is Obj => p !== undefined)
      .map((p) => String(p.id)),
  };
}

export interface JournalLine {
  readonly method: string;
  readonly path: string;
  readonly status: number;
}

/** Journal lines from line `from` on (after flushing the emulator's journal). */
export async function journalSince(e: RunningEmulator, from: number): Promise<JournalLine[]> {
  await e.flush();
  return readFileSync(e.journalPath, 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(from)
    .map((l) => JSON.parse(l) as JournalLine);
}

/** Number of journal lines so far (a mark for `journalSince`). */
export async function journalMark(e: RunningEmulator): Promise<number> {
  return (await journalSince(e, 0)).length;
}
