// Emulators for the benchmark: each in a fresh temporary directory on 127.0.0.1, the seeded
// catalogue ids the stacks use for read-only references (no lookups), and journal counting.
import { pickProviderSeeds, type ProviderSeeds } from '../lib/kinds/platform/seed-picks';
import { promises as fs, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../lib/emulator';

/** Seeded ids of one cloud provider, for read-only references in benchmark stacks. */
export type BenchSeeds = ProviderSeeds;

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


/** The seeded entries of one provider; SaaS providers in the order of BENCH_SAAS_0..2 (fixtures.ts). */
export function seedsOf(e: RunningEmulator, providerName = 'AWS'): BenchSeeds {
  return pickProviderSeeds(e.snapshot(), providerName, ['New Relic', 'Datadog', 'Loggly']);
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
