// Provider relations shared by several kinds: which cloud provider a cloud account belongs to,
// and the realms, plans and VPN plans of a provider. Used to refuse cross-provider combinations
// (an AWS plan on an Azure account, a realm of another provider, …).
import type { EmulatorServices } from '../../emulator/services';
import type { StoredObject } from '../../emulator/store';

export function providerOfAccount(ctx: EmulatorServices, accountId: unknown): StoredObject | undefined {
  const account = typeof accountId === 'string' ? ctx.store.get('cloud_account', accountId) : undefined;
  return account ? ctx.store.get('cloud_provider', account.cloud_provider_id as string) : undefined;
}

export function realmsOf(ctx: EmulatorServices, providerId: string): StoredObject[] {
  return ctx.store.list('realm').filter((r) => r.cloud_provider_id === providerId);
}

export function providerName(ctx: EmulatorServices, providerId: unknown): string {
  const provider = typeof providerId === 'string' ? ctx.store.get('cloud_provider', providerId) : undefined;
  return provider ? String(provider.name) : String(providerId);
}

