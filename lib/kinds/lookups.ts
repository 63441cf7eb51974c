// The lookups of the read-only kinds by lookup kind (what resolveLookup dispatches on), and the
// steps several of them share: the query's cloud provider and location.
import { byName, one, LookupError, type KindLookup, type ListFn } from '../synth/resolve-lookup';
import { describeLookup, type LookupQuery } from '../synth/lookup-query';
import { cloudAccountLookup } from './cloud-account/lookup';
import { cloudProviderLookup } from './cloud-provider/lookup';
import { auditEventsLookup } from './event/lookup';
import { genericImageLookup } from './generic-image/lookup';
import { locationLookup } from './location/lookup';
import { realmLookup } from './realm/lookup';
import { saasProviderLookup } from './saas-provider/lookup';
import { serverPlanLookup } from './server-plan/lookup';
import { storagePlanLookup } from './storage-plan/lookup';

/** What a synth-time lookup can ask for. */
export type LookupKind =
  | 'cloud_account'
  | 'cloud_provider'
  | 'server_plan'
  | 'generic_image'
  | 'storage_plan'
  | 'location'
  | 'realm'
  | 'saas_provider'
  /** The newest audit events; `name` is `latest <n>`. */
  | 'audit_events';

export const LOOKUPS: Readonly<Record<LookupKind, KindLookup>> = {
  cloud_account: cloudAccountLookup,
  cloud_provider: cloudProviderLookup,
  server_plan: serverPlanLookup,
  generic_image: genericImageLookup,
  storage_plan: storagePlanLookup,
  location: locationLookup,
  realm: realmLookup,
  saas_provider: saasProviderLookup,
  audit_events: auditEventsLookup,
};

/** The cloud provider a plan or realm query names (an error when it names none). */
export async function providerOf(q: LookupQuery, list: ListFn): Promise<Record<string, unknown>> {
  if (!q.cloudProvider) throw new LookupError(`${describeLookup(q)} needs its cloud provider (cloudProvider: 'AWS', …)`);
  return one({ kind: 'cloud_provider', name: q.cloudProvider }, 'cloud providers', await list('cloud_provider'), byName);
}

/** The id of the location a plan query names, when it names one. */
export async function locationIdOf(q: LookupQuery, list: ListFn): Promise<string | undefined> {
  if (!q.location) return undefined;
  return String((await one({ kind: 'location', name: q.location }, 'locations', await list('location'), byName)).id);
}

/** A plan found by a plan lookup, with the id of the query's cloud provider. */
export interface FoundPlan {
  readonly plan: Record<string, unknown>;
  readonly cloudProviderId: string;
}

/**
 * The plan of kind `kind` (server or storage plans, listed under their cloud provider) that the
 * query names, in the query's location when it names one and among those `keep` accepts; `hint`
 * tells same-named plans apart in the error.
 */
export async function planOfProvider(
  q: LookupQuery,
  list: ListFn,
  kind: string,
  keep: (plan: Record<string, unknown>) => boolean,
  hint: (plan: Record<string, unknown>) => string,
): Promise<FoundPlan> {
  const cloudProviderId = String((await providerOf(q, list)).id);
  const loc = await locationIdOf(q, list);
  const plans = (await list(kind, { cloud_provider_id: cloudProviderId })).filter((o) => (!loc || o.location_id === loc) && keep(o));
  const what = `${kind.replace(/_/g, ' ')}s of ${q.cloudProvider}`;
  return { plan: await one(q, what, plans, byName, hint), cloudProviderId };
}
