// The tfplugin6.Provider service over a ProviderDefinition: decodes requests, calls the resource
// (plan/apply/read/import/upgrade/validate) with a CallContext, encodes the answers typed by the
// schema (every attribute present, write-only attributes nulled so no resource can leak them) and
// turns every failure into one-line diagnostics. RPCs for things this provider declares none of
// (data sources, ephemeral resources, functions) answer cleanly with an error diagnostic; a move
// across types goes to the target type's optional `moveState`.
// The msgpack codec loads at the first value, not for metadata or schema answers.
/* eslint-disable @typescript-eslint/no-require-imports */
import type { CallContext, Diagnostic, ProviderDefinition, ResourceType, TfObject, TfValue } from '../resource-type';
import type { DynamicValueMessage } from '../codec/dynamic-value';
import { firstUnknownPath, writeOnlyPathsSet } from '../codec/inspect';
import { pathText, ValueTypeError } from '../codec/value-errors';
import { objectTypeOf, type ValueType } from '../codec/value-type';
import { decodeMessage, encodeMessage, messageType } from './descriptors';
import { attributePathMessage, diagnosticMessages, errorDiagnostic, exceptionDiagnostic, redactPem } from './diagnostics';
import type { UnaryHandler } from './grpc-server';
import { schemaMessage } from './schema-message';

const P = 'tfplugin6.';
const codec = (): typeof import('../codec/dynamic-value') => require('../codec/dynamic-value');
type Dv = DynamicValueMessage | null;
interface Caps {
  readonly write_only_attributes_allowed?: boolean;
}

export const SERVER_CAPABILITIES = { plan_destroy: true, get_provider_schema_optional: true, move_resource_state: false };

/** The capabilities of a definition: moves across types when one of its resource types takes them. */
function capabilitiesOf(definition: ProviderDefinition | undefined): typeof SERVER_CAPABILITIES {
  return { ...SERVER_CAPABILITIES, move_resource_state: !!definition?.resources.some((r) => r.moveState) };
}

/** Thrown inside a handler: answered as this diagnostic (request for an unknown type, bad value). */
class DiagnosticFailure extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.summary);
  }
}

export class ProviderService {
  private controller = new AbortController();
  private readonly types = new Map<string, ValueType>();
  private loaded?: { definition: ProviderDefinition; byName: Map<string, ResourceType> };

  /** A function is called at the first RPC; if it throws, every RPC answers with its message. */
  constructor(private readonly source: ProviderDefinition | (() => ProviderDefinition)) {}

  /**
   * Does now what the first RPCs would: builds the definition, reads the protocol descriptor and
   * loads the value codec. Called right after the handshake line, while Terraform dials and
   * negotiates TLS; a failure is left for the RPCs to report.
   */
  warmUp(): void {
    try {
      this.load();
      messageType(`${P}DynamicValue`);
      codec();
    } catch {
      // reported by the first RPC
    }
  }

  private load(): { definition: ProviderDefinition; byName: Map<string, ResourceType> } {
    if (!this.loaded) {
      const definition = typeof this.source === 'function' ? this.source() : this.source;
      this.loaded = { definition, byName: new Map(definition.resources.map((r) => [r.typeName, r])) };
    }
    return this.loaded;
  }

  private get definition(): ProviderDefinition {
    return this.load().definition;
  }

  private get byName(): Map<string, ResourceType> {
    return this.load().byName;
  }

  /** The CallContext of one call: StopProvider's signal, log lines to Terraform's log. */
  private context(typeName: string): CallContext {
    return {
      signal: this.controller.signal,
      log: (line: string) => process.stderr.write(`[INFO] ${typeName}: ${redactPem(line).replace(/\s*\n\s*/g, ' ')}\n`),
    };
  }

  private resource(typeName: string): ResourceType {
    const r = this.byName.get(typeName);
    if (!r) {
      const known = [...this.byName.keys()].join(', ');
      throw new DiagnosticFailure(errorDiagnostic(`resource type ${typeName} is not served by this provider (it serves ${known}); check the resource type name`));
    }
    return r;
  }

  private typeOf(typeName: string): ValueType {
    let t = this.types.get(typeName);
    if (!t) {
      t = objectTypeOf(typeName === '' ? this.definition.providerSchema : this.resource(typeName).schema);
      this.types.set(typeName, t);
    }
    return t;
  }

  private decode(dv: Dv | undefined, typeName: string): TfObject | null {
    const v = codec().decodeDynamicValue(dv, this.typeOf(typeName));
    if (v !== null && (typeof v !== 'object' || Array.isArray(v))) throw new DiagnosticFailure(errorDiagnostic(`${typeName || 'provider'}: expected an object value from Terraform`));
    return v as TfObject | null;
  }

  /** Decodes several values of one resource type, keeping their names. */
  private decodeAll<K extends string>(typeName: string, values: Record<K, Dv | undefined>): Record<K, TfObject | null> {
    return Object.fromEntries(Object.entries<Dv | undefined>(values).map(([name, dv]) => [name, this.decode(dv, typeName)])) as Record<K, TfObject | null>;
  }

  private encode(value: TfValue | undefined, typeName: string): { msgpack: Uint8Array } {
    try {
      return codec().encodeDynamicValue(value, this.typeOf(typeName));
    } catch (err) {
      if (err instanceof ValueTypeError) throw new DiagnosticFailure(errorDiagnostic(`${typeName}: the provider returned a value of the wrong type at ${err.message}`, err.path));
      throw err;
    }
  }

  /** Runs one RPC body; any failure becomes the response's only diagnostic. */
  private unary<Req>(method: string, diagField: 'diagnostics', where: (req: Req) => string, body: (req: Req) => Promise<object>): [string, UnaryHandler] {
    return [
      `/tfplugin6.Provider/${method}`,
      async (bytes) => {
        const req = decodeMessage<Req>(`${P}${method}.Request`, bytes);
        let res: object;
        try {
          res = await body(req);
        } catch (err) {
          const d = err instanceof DiagnosticFailure ? err.diagnostic : exceptionDiagnostic(err, where(req));
          res = { [diagField]: diagnosticMessages([d]) };
        }
        return encodeMessage(`${P}${method}.Response`, res);
      },
    ];
  }

  /** Every tfplugin6.Provider method this host answers. */
  routes(): [string, UnaryHandler][] {
    const t = (r: { type_name: string }): string => r.type_name;
    return [
      [`/tfplugin6.Provider/GetMetadata`, () => encodeMessage(`${P}GetMetadata.Response`, this.metadata())],
      [`/tfplugin6.Provider/GetProviderSchema`, () => this.providerSchema()],
      this.unary<{ config: Dv }>('ValidateProviderConfig', 'diagnostics', () => 'provider configuration', async (r) => {
        this.decode(r.config, '');
        return { diagnostics: [] };
      }),
      this.unary<{ config: Dv }>('ConfigureProvider', 'diagnostics', () => 'provider configuration', async (r) => ({
        diagnostics: diagnosticMessages(await this.definition.configure(this.decode(r.config, '') ?? {}, this.context('provider'))),
      })),
      this.unary('ValidateResourceConfig', 'diagnostics', t, (r: { type_name: string; config: Dv; client_capabilities?: Caps }) => this.validate(r)),
      this.unary('PlanResourceChange', 'diagnostics', t, (r: PlanReq) => this.plan(r)),
      this.unary('ApplyResourceChange', 'diagnostics', t, (r: ApplyReq) => this.apply(r)),
      this.unary('ReadResource', 'diagnostics', t, (r: ReadReq) => this.read(r)),
      this.unary('ImportResourceState', 'diagnostics', t, (r: { type_name: string; id: string }) => this.importState(r)),
      this.unary('UpgradeResourceState', 'diagnostics', t, (r: UpgradeReq) => this.upgrade(r)),
      this.unary('MoveResourceState', 'diagnostics', (r: MoveReq) => r.target_type_name, (r: MoveReq) => this.move(r)),
      [`/tfplugin6.Provider/StopProvider`, () => this.stop()],
      ...unsupportedRoutes(),
    ];
  }

  private metadata(): object {
    try {
      return { server_capabilities: capabilitiesOf(this.definition), diagnostics: [], resources: this.definition.resources.map((r) => ({ type_name: r.typeName })) };
    } catch (err) {
      return { server_capabilities: SERVER_CAPABILITIES, diagnostics: diagnosticMessages([exceptionDiagnostic(err, 'provider definition')]) };
    }
  }

  private providerSchema(): Uint8Array {
    const resource_schemas: Record<string, object> = {};
    let provider: object | undefined;
    const diagnostics = [];
    try {
      for (const r of this.definition.resources) resource_schemas[r.typeName] = schemaMessage(r.schema);
      provider = schemaMessage(this.definition.providerSchema);
    } catch (err) {
      diagnostics.push(exceptionDiagnostic(err, 'provider schema'));
    }
    return encodeMessage(`${P}GetProviderSchema.Response`, {
      ...(provider ? { provider, resource_schemas } : {}),
      diagnostics: diagnosticMessages(diagnostics),
      server_capabilities: provider ? capabilitiesOf(this.definition) : SERVER_CAPABILITIES,
    });
  }

  private async validate(r: { type_name: string; config: Dv; client_capabilities?: Caps }): Promise<object> {
    const resource = this.resource(r.type_name);
    const config = this.decode(r.config, r.type_name);
    const diagnostics: Diagnostic[] = [];
    if (config && !r.client_capabilities?.write_only_attributes_allowed) {
      for (const path of writeOnlyPathsSet(config, this.typeOf(r.type_name))) {
        diagnostics.push(errorDiagnostic(`${r.type_name}: ${pathText(path)} is a write-only attribute, which needs Terraform 1.11 or later: upgrade Terraform`, path));
      }
    }
    if (config && resource.validate) diagnostics.push(...resource.validate(config));
    return { diagnostics: diagnosticMessages(diagnostics) };
  }

  private async plan(r: PlanReq): Promise<object> {
    const states = this.decodeAll(r.type_name, { prior: r.prior_state, proposed: r.proposed_new_state, config: r.config });
    const priv = r.prior_private?.length ? { priorPrivate: r.prior_private } : {};
    const res = await this.resource(r.type_name).plan({ ...states, ...priv }, this.context(r.type_name));
    const diagnostics = diagnosticMessages(res.diagnostics);
    if (res.diagnostics?.some((d) => d.severity === 'error')) return { diagnostics };
    return {
      planned_state: this.encode(res.planned, r.type_name),
      requires_replace: (res.requiresReplace ?? []).map(attributePathMessage),
      planned_private: res.plannedPrivate ?? r.prior_private ?? new Uint8Array(),
      diagnostics,
    };
  }

  private async apply(r: ApplyReq): Promise<object> {
    const states = this.decodeAll(r.type_name, { prior: r.prior_state, planned: r.planned_state, config: r.config });
    const priv = r.planned_private?.length ? { plannedPrivate: r.planned_private } : {};
    const res = await this.resource(r.type_name).apply({ ...states, ...priv }, this.context(r.type_name));
    const diagnostics = [...(res.diagnostics ?? [])];
    const unknownAt = res.newState ? firstUnknownPath(res.newState) : undefined;
    if (unknownAt) diagnostics.push(errorDiagnostic(`${r.type_name}: ${pathText(unknownAt)} is still unknown after apply (a provider defect): report it`, unknownAt));
    return { new_state: this.encode(res.newState, r.type_name), private: (res.newState && (res.private ?? r.planned_private)) || new Uint8Array(), diagnostics: diagnosticMessages(diagnostics) };
  }

  /** Private data the resource does not replace is carried on (plan → apply → state → read). */
  private async read(r: ReadReq): Promise<object> {
    const resource = this.resource(r.type_name);
    const current = this.decode(r.current_state, r.type_name);
    if (!current) return { new_state: this.encode(null, r.type_name), diagnostics: [] };
    const res = await resource.read({ current, ...(r.private?.length ? { private: r.private } : {}) }, this.context(r.type_name));
    return { new_state: this.encode(res.newState, r.type_name), private: res.private ?? r.private ?? new Uint8Array(), diagnostics: diagnosticMessages(res.diagnostics) };
  }

  private async importState(r: { type_name: string; id: string }): Promise<object> {
    const res = await this.resource(r.type_name).importState(r.id, this.context(r.type_name));
    return {
      imported_resources: res.states.map((s) => ({ type_name: r.type_name, state: this.encode(s, r.type_name), private: res.private ?? new Uint8Array() })),
      diagnostics: diagnosticMessages(res.diagnostics),
    };
  }

  private async upgrade(r: UpgradeReq): Promise<object> {
    const resource = this.resource(r.type_name);
    const current = resource.schema.version;
    const version = Number(r.version ?? 0);
    const json = r.raw_state?.json;
    if (!json || json.length === 0) {
      if (r.raw_state?.flatmap && Object.keys(r.raw_state.flatmap).length > 0) {
        throw new DiagnosticFailure(errorDiagnostic(`${r.type_name}: state in the legacy flatmap format cannot be read; remove it with terraform state rm and import the object again`));
      }
      return { upgraded_state: this.encode(null, r.type_name), diagnostics: [] };
    }
    if (version > current) {
      throw new DiagnosticFailure(
        errorDiagnostic(`${r.type_name}: the state was written by a newer terraform-provider-imco (schema version ${version}, this one knows ${current}): use that provider version or later`),
      );
    }
    let state = this.decode({ json }, r.type_name) ?? {};
    if (version !== current && resource.upgrade) state = resource.upgrade(state, version);
    return { upgraded_state: this.encode(state, r.type_name), diagnostics: [] };
  }

  /** MoveResourceState: the target type's `moveState` over the source state's JSON. */
  private async move(r: MoveReq): Promise<object> {
    const resource = this.resource(r.target_type_name);
    const from = `${r.source_type_name} (${r.source_provider_address})`;
    if (!resource.moveState) {
      throw new DiagnosticFailure(
        errorDiagnostic(`${r.target_type_name} cannot take over the state of ${from}: remove the moved block, and adopt the object with an import block instead`),
      );
    }
    const json = r.source_state?.json;
    if (!json || json.length === 0) throw new DiagnosticFailure(errorDiagnostic(`the state of ${from} moved to ${r.target_type_name} is not in JSON form: run terraform apply with the old configuration once, then move`));
    let sourceState: Record<string, unknown>;
    try {
      sourceState = JSON.parse(Buffer.from(json).toString('utf8')) as Record<string, unknown>;
    } catch {
      throw new DiagnosticFailure(errorDiagnostic(`the state of ${from} moved to ${r.target_type_name} is not valid JSON`));
    }
    const res = await resource.moveState(
      {
        sourceProviderAddress: r.source_provider_address,
        sourceTypeName: r.source_type_name,
        sourceSchemaVersion: Number(r.source_schema_version ?? 0),
        sourceState,
        ...(r.source_private?.length ? { sourcePrivate: r.source_private } : {}),
      },
      this.context(r.target_type_name),
    );
    const diagnostics = diagnosticMessages(res.diagnostics);
    if (res.diagnostics?.some((d) => d.severity === 'error')) return { diagnostics };
    return { target_state: this.encode(res.targetState, r.target_type_name), target_private: res.targetPrivate ?? new Uint8Array(), diagnostics };
  }

  /** StopProvider: aborts the signal of every call in flight; later calls get a fresh one. */
  private stop(): Uint8Array {
    this.controller.abort(new Error('Terraform asked the provider to stop'));
    this.controller = new AbortController();
    return encodeMessage(`${P}StopProvider.Response`, { Error: '' });
  }
}

interface PlanReq {
  type_name: string;
  prior_state: Dv;
  proposed_new_state: Dv;
  config: Dv;
  prior_private?: Uint8Array;
}
interface ApplyReq {
  type_name: string;
  prior_state: Dv;
  planned_state: Dv;
  config: Dv;
  planned_private?: Uint8Array;
}
interface ReadReq {
  type_name: string;
  current_state: Dv;
  private?: Uint8Array;
}
interface MoveReq {
  source_provider_address: string;
  source_type_name: string;
  source_schema_version?: number;
  source_state?: { json?: Uint8Array };
  target_type_name: string;
  source_private?: Uint8Array;
}
interface UpgradeReq {
  type_name: string;
  version?: number;
  raw_state?: { json?: Uint8Array; flatmap?: Record<string, string> };
}

/** Methods for things this provider declares none of: answered with an error diagnostic (or nothing, for GetFunctions). */
function unsupportedRoutes(): [string, UnaryHandler][] {
  const diag = (summary: string) => diagnosticMessages([errorDiagnostic(summary)]);
  const at = (field: 1 | 2, summary: string): UnaryHandler => () => encodeMessage(`${P}DiagnosticsAt${field}`, { diagnostics: diag(summary) });
  const noData = 'the imco provider has no data sources: use the imco_* resources, or import blocks to adopt existing objects';
  const noEphemeral = 'the imco provider has no ephemeral resources';
  return [
    ['/tfplugin6.Provider/ValidateDataResourceConfig', at(1, noData)],
    ['/tfplugin6.Provider/ReadDataSource', at(2, noData)],
    ['/tfplugin6.Provider/ValidateEphemeralResourceConfig', at(1, noEphemeral)],
    ['/tfplugin6.Provider/OpenEphemeralResource', at(1, noEphemeral)],
    ['/tfplugin6.Provider/RenewEphemeralResource', at(1, noEphemeral)],
    ['/tfplugin6.Provider/CloseEphemeralResource', at(1, noEphemeral)],
    ['/tfplugin6.Provider/GetFunctions', () => encodeMessage(`${P}GetFunctions.Response`, { diagnostics: [] })],
    ['/tfplugin6.Provider/CallFunction', () => encodeMessage(`${P}CallFunction.Response`, { error: { text: 'the imco provider has no functions' } })],
  ];
}
