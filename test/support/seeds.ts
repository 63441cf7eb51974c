// Picks seeded catalogue entries (accounts, plans, images, realms, …) of one cloud provider from a
// running emulator, for stacks built in end-to-end tests.
import type { RunningEmulator } from '../../lib/emulator';

type Obj = Record<string, unknown>;

export interface ProviderSeeds {
  readonly providerId: string;
  readonly cloudAccountId: string;
  readonly serverPlanId: string;
  readonly storagePlan: { id: string; minSize: number; maxSize: number };
  readonly realmId: string;
  readonly realmProviderName: string;
  readonly vpnPlanId: string;
  readonly genericImageId: string;
  readonly saasProviderId: string;
}

export function seedsOf(emulator: RunningEmulator, providerName = 'AWS'): ProviderSeeds {
  const s = emulator.snapshot();
  const pick = (kind: string, pred: (o: Obj) => boolean): Obj => {
    const found = (s[kind] ?? []).find(pred);
    if (!found) throw new Error(`no seeded ${kind} for ${providerName}`);
    return found;
  };
  const provider = pick('cloud_provider', (p) => p.name === providerName);
  const ofProvider = (o: Obj) => o.cloud_provider_id === provider.id;
  const storage = pick('storage_plan', (o) => ofProvider(o) && !o.deprecated);
  const realm = pick('realm', ofProvider);
  return {
    providerId: String(provider.id),
    cloudAccountId: String(pick('cloud_account', ofProvider).id),
    serverPlanId: String(pick('server_plan', ofProvider).id),
    storagePlan: { id: String(storage.id), minSize: Number(storage.min_size), maxSize: Number(storage.max_size) },
    realmId: String(realm.id),
    realmProviderName: String(realm.provider_name),
    vpnPlanId: String(pick('vpn_plan', ofProvider).id),
    genericImageId: String(pick('generic_image', () => true).id),
    saasProviderId: String(pick('saas_provider', () => true).id),
  };
}
