// The provider hooks of each kind that has any (lib/provider/resources/kind-hooks.ts): what its
// `imco_<kind>` resource carries beyond the catalog's wire fields. Each kind's hooks live in
// lib/kinds/<kind>/provider.ts; kinds without a row get NO_PROVIDER_HOOKS.
import { type ProviderHooks, NO_PROVIDER_HOOKS } from '../provider/resources/kind-hooks';
import { attachmentKind } from './attachment/catalog';
import { attachmentProviderHooks } from './attachment/provider';
import { cookbookVersionKind } from './cookbook-version/catalog';
import { cookbookVersionProviderHooks } from './cookbook-version/provider';
import { floatingIpKind } from './floating-ip/catalog';
import { serverArrayKind } from './server-array/catalog';
import { serverArrayProviderHooks } from './server-array/provider';
import { attachedToServerProviderHooks } from './server/attached-provider';
import { serverKind } from './server/catalog';
import { serverProviderHooks } from './server/provider';
import { templateKind } from './template/catalog';
import { templateProviderHooks } from './template/provider';
import { volumeKind } from './volume/catalog';
import { vpnKind } from './vpn/catalog';
import { vpnProviderHooks } from './vpn/provider';

export const PROVIDER_HOOKS: Readonly<Record<string, ProviderHooks>> = {
  [vpnKind.kind]: vpnProviderHooks,
  [serverKind.kind]: serverProviderHooks,
  [serverArrayKind.kind]: serverArrayProviderHooks,
  [volumeKind.kind]: attachedToServerProviderHooks,
  [floatingIpKind.kind]: attachedToServerProviderHooks,
  [templateKind.kind]: templateProviderHooks,
  [cookbookVersionKind.kind]: cookbookVersionProviderHooks,
  [attachmentKind.kind]: attachmentProviderHooks,
};

/** The provider hooks of a kind (none for most kinds). */
export function providerHooksOf(kind: string): ProviderHooks {
  return PROVIDER_HOOKS[kind] ?? NO_PROVIDER_HOOKS;
}
