// Picks a cloud provider's seeded catalogue entries (account, plans, realm, VPN plan, image, SaaS
// providers) from an emulator snapshot, for stacks that tests and benchmarks build on the seeds.
type Obj = Record<string, unknown>;

export interface ProviderSeeds {
  readonly providerId: string;
  readonly cloudAccountId: string;
  readonly serverPlanId: string;
  readonly storagePlan: { readonly id: string; readonly minSize: number; readonly maxSize: number };
  readonly realmId: string;
  readonly realmProviderName: string;
  readonly vpnPlanId: string;
  readonly genericImageId: string;
  /** The first seeded SaaS provider. */
  readonly saasProviderId: string;
  /** Seeded SaaS providers in the order of `saasOrder` (those that exist). */
  readonly saasProviderIds: readonly string[];
}

export function pickProviderSeeds(
  snapshot: Readonly<Record<string, readonly Obj[]>>,
  providerName = 'AWS',
  saasOrder: readonly string[] = ['New Relic', 'Datadog', 'Loggly'],
): ProviderSeeds {
  const pick = (kind: string, pred: (o: Obj) => boolean): Obj => {
    const found = (snapshot[kind] ?? []).find(pred);
    if (!found) throw new Error(`the emulator has no seeded ${kind} for ${providerName}`);
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
    saasProviderIds: saasOrder
      .map((name) => (snapshot.saas_provider ?? []).find((p) => p.name === name))
      .filter((p): p is Obj => p !== undefined)
      .map((p) => String(p.id)),
  };
}
