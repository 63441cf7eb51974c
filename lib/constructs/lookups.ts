// Synth-time lookups with a synchronous construct API: IMCO catalogue entries by the names users see
// in the console (cloud accounts, providers, server and storage plans, images, locations, realms,
// SaaS providers). Values come from the committed imco.context.json (lib/synth/lookups.ts); errors
// surface as validation errors on the IMCO objects that use the result (with their construct
// paths), or on the construct that asked when no object uses it.
import { TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { lookup, missingLookups, missingLookupsMessage, strictContext } from '../synth/lookups';
import type { LookupKind, LookupQuery, LookupValue } from '../synth/lookup-query';
import { registryOf } from './registry';
import { ImcoSettings } from './settings';

/** What a lookup returns: usable wherever an id is expected (`IdLike`). */
export interface LookupResult {
  readonly id: string;
  readonly name: string;
  /** Facts recorded with the lookup (e.g. a storage plan's `min_size` / `max_size`). */
  readonly facts: Readonly<LookupValue>;
}

const MISSING_ID = 'imco-lookup-missing';
const strictReported = new WeakSet<TerraformStack>();
/** Ids handed out for lookups that failed → why they failed. */
const failedLookups = new Map<string, string>();

/** Problems for the ids in `fields` that stand for failed lookups: reported on the construct that uses them. */
export function failedLookupProblems(fields: unknown): string[] {
  const text = JSON.stringify(fields) ?? '';
  if (!text.includes(MISSING_ID)) return [];
  return [...failedLookups].filter(([id]) => text.includes(`"${id}"`)).map(([, message]) => `lookup: ${message}`);
}

/** True when an IMCO object of the stack uses `id` (it then reports the failed lookup itself). */
function usedByAnObject(scope: IConstruct, id: string): boolean {
  return registryOf(scope).objects.some((o) => {
    try {
      return JSON.stringify((o as { spec?: { fields?: unknown } }).spec?.fields ?? {}).includes(`"${id}"`);
    } catch {
      return false;
    }
  });
}

function resolve(scope: IConstruct, query: LookupQuery): LookupResult & Record<string, unknown> {
  let value: LookupValue | undefined;
  let missingId = MISSING_ID;
  try {
    value = lookup(query, ImcoSettings.resolve(scope).environment);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    missingId = `${MISSING_ID}-${failedLookups.size + 1}`;
    failedLookups.set(missingId, message);
    const id = missingId;
    // On the constructs that use the result (with their paths); here only when none does.
    scope.node.addValidation({ validate: () => (usedByAnObject(scope, id) ? [] : [`lookup: ${message}`]) });
  }
  if (!value && strictContext()) {
    const stack = TerraformStack.of(scope);
    if (!strictReported.has(stack)) {
      strictReported.add(stack);
      stack.node.addValidation({ validate: () => (missingLookups().size > 0 ? [missingLookupsMessage()] : []) });
    }
  }
  const v = value ?? { id: missingId, name: query.name };
  return { ...v, id: v.id, name: v.name, facts: v };
}

function byName(kind: LookupKind) {
  return (scope: IConstruct, name: string): LookupResult => resolve(scope, { kind, name });
}

/** A cloud account, by its name in IMCO. */
export class CloudAccount {
  static readonly fromName = byName('cloud_account');
}

/** A cloud provider (AWS, Microsoft Azure, …), by name. */
export class CloudProvider {
  static readonly fromName = byName('cloud_provider');
}

/** A generic image (e.g. `Ubuntu 22.04 Jammy Jellyfish x86_64`), by name. */
export class GenericImage {
  static readonly fromName = byName('generic_image');
}

/** A location (North America, Europe, …), by name. */
export class Location {
  static readonly fromName = byName('location');
}

/** A SaaS provider, by name; `facts.required_account_data` lists the keys its account data needs. */
export class SaasProvider {
  static readonly fromName = byName('saas_provider');
}

export interface PlanQuery {
  /** Cloud provider name, as in the console. */
  readonly cloudProvider: string;
  readonly name: string;
  /** Location name, when plans of that name exist in several locations. */
  readonly location?: string;
}

/** A server plan of a cloud provider. */
export class ServerPlan {
  static lookup(scope: IConstruct, q: PlanQuery): LookupResult {
    return resolve(scope, { kind: 'server_plan', ...q });
  }
}

/** A storage plan of a cloud provider; its min/max sizes bound volume sizes at synth. */
export class StoragePlan {
  static lookup(scope: IConstruct, q: PlanQuery & { readonly realm?: string }): LookupResult & { readonly minSize?: number; readonly maxSize?: number } {
    const r = resolve(scope, { kind: 'storage_plan', ...q });
    const min = r.facts.min_size;
    const max = r.facts.max_size;
    return { ...r, minSize: typeof min === 'number' ? min : undefined, maxSize: typeof max === 'number' ? max : undefined };
  }
}

/** A realm (provider region) of a cloud provider; `facts.provider_name` is the provider's own name for it. */
export class Realm {
  static lookup(scope: IConstruct, q: { readonly cloudProvider: string; readonly name: string }): LookupResult & { readonly providerName: string } {
    const r = resolve(scope, { kind: 'realm', ...q });
    return { ...r, providerName: String(r.facts.provider_name ?? '') };
  }
}

/**
 * The newest audit events of the account as synth-time data (e.g. for outputs). Like every lookup
 * they come from imco.context.json; `imco-bridge context refresh` fetches them anew.
 */
export class AuditEvents {
  /** The `count` newest events, newest first, each `<timestamp> <level> <header>`. */
  static latest(scope: IConstruct, count = 10): readonly string[] {
    const r = resolve(scope, { kind: 'audit_events', name: `latest ${count}` });
    const events = r.facts.events;
    return Array.isArray(events) ? events : [];
  }
}

/**
 * A VPN plan by name. IMCO lists VPN plans per VPC, which may not exist at synth, so the plan is
 * found when the VPN is created (among its VPC's plans).
 */
export class VpnPlan {
  static named(name: string): VpnPlanName {
    return { vpnPlanName: name };
  }
}

/** A VPN plan given by name, resolved at apply time among the VPC's plans. */
export interface VpnPlanName {
  readonly vpnPlanName: string;
}

export function isVpnPlanName(v: unknown): v is VpnPlanName {
  return typeof v === 'object' && v !== null && typeof (v as VpnPlanName).vpnPlanName === 'string';
}
