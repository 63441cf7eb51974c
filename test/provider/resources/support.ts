// Test helpers for the provider resources: a definition configured on the emulator (real client,
// real mTLS), full Terraform objects from partial values, and plan → apply as Terraform runs them.
import { type ClientHarness, startClientHarness } from '../../client/support/emulator-client';
import { providerDefinition } from '../../../lib/provider/definition';
import type { CallContext, PlanResponse, ProviderDefinition, ResourceType, TfObject } from '../../../lib/provider/resource-type';

export interface Provider {
  readonly def: ProviderDefinition;
  readonly logs: string[];
  readonly call: CallContext;
  resource(typeName: string): ResourceType;
}

/** A provider definition configured with the emulator's endpoint and credential paths. */
export async function configuredProvider(h: ClientHarness, extra: TfObject = {}): Promise<Provider> {
  const def = providerDefinition();
  const logs: string[] = [];
  const call: CallContext = { signal: new AbortController().signal, log: (line) => logs.push(line) };
  const diags = await def.configure(
    { endpoint: h.emu.endpoint, ca_cert_path: h.emu.caCert, client_cert_path: h.emu.clientCert, client_key_path: h.emu.clientKey, config_path: null, stack: null, stack_instance: null, ...extra },
    call,
  );
  if (diags.length > 0) throw new Error(`configure: ${JSON.stringify(diags)}`);
  return {
    def,
    logs,
    call,
    resource: (typeName) => {
      const r = def.resources.find((x) => x.typeName === typeName);
      if (!r) throw new Error(`no resource type ${typeName}`);
      return r;
    },
  };
}

/** Every attribute of the resource null (and the timeouts block), then `values`. */
export function full(r: ResourceType, values: TfObject): TfObject {
  const out: TfObject = { timeouts: null };
  for (const a of r.schema.attributes) out[a.name] = null;
  return { ...out, ...values };
}

/** Terraform's proposed new state: config, with prior values for computed attributes left null. */
export function proposed(r: ResourceType, prior: TfObject | null, config: TfObject): TfObject {
  const out: TfObject = { ...config };
  for (const a of r.schema.attributes) {
    if (a.writeOnly) out[a.name] = null;
    else if (a.computed && (config[a.name] === null || config[a.name] === undefined)) out[a.name] = prior ? prior[a.name] : null;
  }
  return out;
}

export async function plan(p: Provider, r: ResourceType, prior: TfObject | null, config: TfObject): Promise<PlanResponse> {
  return r.plan({ prior, proposed: proposed(r, prior, config), config }, p.call);
}

/** Plans and applies a change (create when prior is null); throws on an error diagnostic. */
export async function planApply(p: Provider, r: ResourceType, prior: TfObject | null, config: TfObject): Promise<{ plan: PlanResponse; state: TfObject }> {
  const planned = await plan(p, r, prior, config);
  const errors = (planned.diagnostics ?? []).filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`plan: ${JSON.stringify(errors)}`);
  const applied = await r.apply({ prior, planned: planned.planned, config }, p.call);
  if (applied.diagnostics?.length) throw new Error(`apply: ${JSON.stringify(applied.diagnostics)}`);
  return { plan: planned, state: applied.newState! };
}

export async function destroy(p: Provider, r: ResourceType, prior: TfObject): Promise<void> {
  const applied = await r.apply({ prior, planned: null, config: null }, p.call);
  if (applied.diagnostics?.length) throw new Error(`delete: ${JSON.stringify(applied.diagnostics)}`);
  if (applied.newState !== null) throw new Error('delete left state');
}

/** Starts an emulator harness and a provider configured on it before the file's tests, and stops it after. */
export function withConfiguredProvider(ready: (h: ClientHarness, p: Provider) => void): void {
  let harness: ClientHarness | undefined;
  beforeAll(async () => {
    harness = await startClientHarness();
    ready(harness, await configuredProvider(harness));
  });
  afterAll(async () => harness?.dispose());
}
