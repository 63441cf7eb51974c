// Picks seeded catalogue entries (accounts, plans, images, realms, …) of one cloud provider from a
// running emulator, for stacks built in end-to-end tests.
import type { RunningEmulator } from '../../lib/emulator';
import { pickProviderSeeds, type ProviderSeeds } from '../../lib/kinds/platform/seed-picks';

export type { ProviderSeeds };

export function seedsOf(emulator: RunningEmulator, providerName = 'AWS'): ProviderSeeds {
  return pickProviderSeeds(emulator.snapshot(), providerName);
}
