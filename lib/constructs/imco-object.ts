// ImcoObject: the base class of every IMCO construct. It owns the two-resource encoding of docs/architecture.md §2.2
// (lifecycle resource with create/delete provisioners, `_sync` resource with the update provisioner,
// optional action resources) — or, in the provider flavour (§2a), hands the same desired state to
// ./provider/encode.ts for ONE `imco_<kind>` resource — the BridgeSpec handed to imco-bridge,
// identity (§3), secret fingerprints (§5), escaping of literal text, and the shared validations.
import { TerraformStack, type LocalExecProvisioner } from 'cdktf';
import { Construct } from 'constructs';
import { kindSpec, type KindSpec } from '../catalog';
import { legacyOwnerLabelName, ownershipLabel } from '../bridge/identity';
import { SPEC_ENV, SPEC_VERSION, TF_ID_ENV, TRIGGERS_ENV, isRef, isSecret, type BridgeSpec, type ObjectRef, type SpecExtras, type SpecValue } from '../bridge/spec';
import { escapeTemplate, jsonForTerraform } from './escape';
import { createHandlerResource, selfTriggersExpression, type HandlerResource } from './handler-resource';
import { driftTrigger } from './drift';
import { SPEC_VARIABLES } from './environment-size';
import { ensurePruneResource } from './prune';
import { encodeForProvider, providerAction } from './provider/encode';
import { importResources } from './provider/import-from';
import type { ImcoResource } from './provider/imco-resource';
import { ensureSweepResource } from './sweep';
import { registryOf, resourceNameOf, stackRelativePath } from './registry';
import { Secret, secretProblem } from './secret';
import { ImcoSettings, type ResolvedImcoSettings } from './settings';
import { specSizeProblem } from './spec-size';
import { idOf, idProblem, integerProblem, nameProblem, unresolvedTokenPaths, type IdLike } from './validation';
import { failedLookupProblems } from './lookups';

export { TF_ID_ENV, TRIGGERS_ENV } from '../bridge/spec';
export { MAX_SPEC_BYTES } from './spec-size';

/** Props every IMCO construct accepts. */
export interface ImcoObjectProps {
  /**
   * Seconds imco-bridge waits for this object to settle on create, update and delete. With the
   * `terraform_data` flavour a change is an in-place update of the lifecycle resource; with
   * `null_resource` it is one of its triggers (a change replaces the object).
   * @default ImcoSettings `timeouts[kind]`, else the kind's catalog default
   */
  readonly timeoutSeconds?: number;
}

/** What a kind's construct hands to `encode`. */
export interface ObjectDefinition {
  /** Identity; defaults to the ownership label for labelable kinds. */
  readonly self?: ObjectRef;
  /** The object this one lives in (subnet, VPN): replacing it replaces this one. */
  readonly parent?: ImcoObject;
  /** Wire create fields (snake_case): literals, `{ $ref }` (via `refTo`), `{ $secret }` (via `secretField`). */
  readonly fields: Readonly<Record<string, SpecValue | undefined>>;
  readonly extras?: SpecExtras;
}

/** An action resource: reboot, or execute an operational script. */
export interface ActionDefinition {
  /** Appended to the resource name: `<name>_<suffix>`. */
  readonly suffix: string;
  readonly trigger: string;
  readonly action: NonNullable<BridgeSpec['action']>;
  /** Further objects the action needs (the script to execute). */
  readonly uses?: readonly ImcoObject[];
}

const objectsByRef = new WeakMap<ObjectRef, ImcoObject>();

/** One IMCO object managed through imco-bridge. */
export abstract class ImcoObject extends Construct {
  static isImcoObject(x: unknown): x is ImcoObject {
    return x instanceof ImcoObject;
  }

  /** The object a ref (from another construct's `ref`) belongs to, if it is managed in this program. */
  static ofRef(ref: ObjectRef): ImcoObject | undefined {
    return objectsByRef.get(ref);
  }

  /** Catalog kind (`vpc`, `server`, …). */
  readonly kind: string;
  readonly catalog: KindSpec;
  /** Id of the stack the object belongs to. */
  readonly stackName: string;
  /** Construct path relative to the stack: what the handler and `imco-bridge import` name it by. */
  readonly objectPath: string;
  /** Name of the ownership label in IMCO (labelable kinds only; see lib/bridge/identity.ts). */
  readonly ownerLabel?: string;
  /** Ownership key within the stack (labelable kinds only): `ref.owner`, the label name of earlier versions. */
  readonly ownerKey?: string;
  /** Terraform name of the lifecycle resource; the sync resource is `<name>_sync`. */
  readonly resourceName: string;

  protected readonly settings: ResolvedImcoSettings;
  private readonly problems: string[] = [];
  private readonly checks: (() => (string | undefined)[])[] = [];
  private readonly used = new Set<ImcoObject>();
  private readonly secrets: { field: string; prop: string; secret: Secret }[] = [];
  private readonly timeoutSeconds: number;
  /** Whether the timeout was configured (the provider flavour then writes a `timeouts` block). */
  private readonly timeoutConfigured: boolean;
  private parts: readonly HandlerResource[] = [];
  private encoded?: {
    ref: ObjectRef;
    spec: BridgeSpec;
    resource: HandlerResource;
    syncResource: HandlerResource;
    specJson: string;
  };
  private readonly actions: HandlerResource[] = [];
  private nameCollision = false;

  protected constructor(scope: Construct, id: string, kind: string, props: ImcoObjectProps) {
    super(scope, id);
    this.kind = kind;
    this.catalog = kindSpec(kind);
    this.stackName = TerraformStack.of(this).node.id;
    this.objectPath = stackRelativePath(this);
    this.resourceName = resourceNameOf(this.objectPath);
    this.settings = ImcoSettings.resolve(this);
    if (this.catalog.labelable) {
      this.ownerKey = legacyOwnerLabelName(this.stackName, this.objectPath);
      const instance = this.settings.instance;
      if (instance) this.ownerLabel = ownershipLabel({ instance, stack: this.stackName, path: this.objectPath }).name;
    }
    const configured = props.timeoutSeconds ?? this.settings.timeouts[kind];
    if (props.timeoutSeconds !== undefined) this.problemIf(integerProblem(props.timeoutSeconds, 'timeoutSeconds', 1));
    this.timeoutConfigured = typeof configured === 'number' && Number.isInteger(configured) && configured >= 1;
    this.timeoutSeconds = this.timeoutConfigured ? (configured as number) : this.catalog.waitTimeoutSeconds;
    registryOf(this).objects.push(this);
    if (this.settings.flavour !== 'provider') ensurePruneResource(this, this.settings);
    this.node.addValidation({ validate: () => this.validate() });
  }

  /** How handlers find this object (ownership label, or natural key in its parent). */
  get ref(): ObjectRef {
    return this.done().ref;
  }

  /** The spec imco-bridge receives (literal data; secrets only as references). */
  get spec(): BridgeSpec {
    return this.done().spec;
  }

  /** The lifecycle resource: replaced only when an immutable property changes. */
  get resource(): HandlerResource {
    return this.done().resource;
  }

  /**
   * The `_sync` resource: replaced when a mutable property changes; runs `imco-bridge update`. In the
   * provider flavour there is none: this is the object's one `imco_<kind>` resource.
   */
  get syncResource(): HandlerResource {
    return this.done().syncResource;
  }

  /** Provider flavour: the `imco_template_script` / `imco_attachment` resources of this object. */
  get partResources(): readonly HandlerResource[] {
    return this.parts;
  }

  /** Action resources (reboot, script executions), in declaration order. */
  get actionResources(): readonly HandlerResource[] {
    return this.actions;
  }

  /**
   * Provider flavour: adopt an existing IMCO object instead of creating one (an `import` block; what
   * `imco-bridge export` writes). `importId` is the provider's import id (`<id>`, `<parent id>/<id>`
   * for a child object); `partIds` the import ids of the part resources (template scripts:
   * `<template id>/<template script id>`), in declaration order.
   */
  importFrom(importId: string, partIds: readonly string[] = []): this {
    if (this.settings.flavour !== 'provider') {
      throw new Error(`${this.describe()}: importFrom needs the provider flavour (ImcoSettings flavour 'provider', the default)`);
    }
    const problem = importResources(this.syncResource as ImcoResource, importId, this.parts as readonly ImcoResource[], partIds);
    if (problem) throw new Error(`${this.describe()}: ${problem}`);
    return this;
  }

  /** `<kind title> '<path>'`, the subject of this object's messages. */
  describe(): string {
    return `${this.catalog.title} '${this.objectPath}'`;
  }

  private done(): NonNullable<ImcoObject['encoded']> {
    if (!this.encoded) throw new Error(`${this.describe()} is not fully constructed yet`);
    return this.encoded;
  }

  // ---------------------------------------------------------------- helpers for the kinds

  /** Records a problem (reported by validation, prefixed with this object). */
  protected problem(text: string): void {
    this.problems.push(text);
  }

  protected problemIf(text: string | undefined): void {
    if (text) this.problems.push(text);
  }

  /** Adds a check run at validation time (after the whole program is constructed). */
  protected check(fn: () => (string | undefined)[]): void {
    this.checks.push(fn);
  }

  protected checkName(value: unknown, prop = 'name'): void {
    this.problemIf(nameProblem(value, prop));
  }

  /**
   * A reference to another managed object: checked (an IMCO construct of the expected class, in
   * this stack), remembered as a dependency, and encoded as `{ $ref }`.
   */
  protected refTo(target: unknown, prop: string, expected: abstract new (...args: never[]) => ImcoObject, title: string): { readonly $ref: ObjectRef } | undefined {
    if (!(target instanceof expected)) {
      this.problem(
        target === undefined || target === null
          ? `${prop} is required: pass the ${title} construct`
          : `${prop} must be a ${title} construct of this program (got ${describeValue(target)})`,
      );
      return undefined;
    }
    this.use(target, prop);
    return { $ref: target.ref };
  }

  /** A managed object, or the id of an existing one (IdLike). */
  protected refOrId(target: unknown, prop: string, expected: abstract new (...args: never[]) => ImcoObject, title: string): SpecValue | undefined {
    if (target instanceof ImcoObject) return this.refTo(target, prop, expected, title);
    return this.idField(target, prop, title);
  }

  /** The id of a read-only catalogue object (cloud account, plan, image, realm, …). */
  protected idField(value: unknown, prop: string, title: string): string | undefined {
    const problem = idProblem(value, prop, title);
    if (problem) {
      this.problem(problem);
      return undefined;
    }
    return idOf(value as IdLike);
  }

  /** Marks `target` as used by this object (dependency; must be in the same stack). */
  protected use(target: ImcoObject, prop: string): void {
    this.used.add(target);
    if (TerraformStack.of(target) !== TerraformStack.of(this)) {
      this.problem(
        `${prop} references ${target.describe()} of stack '${target.stackName}'; IMCO objects can only reference objects of their own stack — declare it in this stack, or pass the id of the existing object`,
      );
    }
  }

  /** A secret field: checked (a Secret, not a literal), fingerprinted at encode, encoded as `{ $secret }`. */
  protected secretField(field: string, value: unknown, prop: string): SpecValue | undefined {
    const problem = secretProblem(value, prop);
    if (problem) {
      this.problem(problem);
      return undefined;
    }
    const secret = value as Secret;
    this.secrets.push({ field, prop, secret });
    return { $secret: secret.source };
  }

  // ---------------------------------------------------------------- the encoding

  /** Builds the spec and the Terraform resources. Each kind calls this once, at the end of its constructor. */
  protected encode(definition: ObjectDefinition): void {
    const ref = this.buildSelf(definition);
    objectsByRef.set(ref, this);
    if (definition.parent && !this.used.has(definition.parent)) this.use(definition.parent, 'parent');
    const fields: Record<string, SpecValue> = {};
    for (const [name, value] of Object.entries(definition.fields)) if (value !== undefined) fields[name] = value;
    const extras: SpecExtras = definition.extras ?? {};
    const spec: BridgeSpec = {
      version: SPEC_VERSION,
      kind: this.kind,
      stack: this.stackName,
      ...(this.settings.instance ? { instance: this.settings.instance } : {}),
      path: this.objectPath,
      endpoint: this.settings.endpoint ?? '',
      self: ref,
      fields,
      extras,
      timeoutSeconds: this.timeoutSeconds,
    };
    const specJson = escapeTemplate(JSON.stringify(spec));

    // Secrets: fingerprints only; a missing value is a validation problem.
    const fingerprints: Record<string, string> = {};
    const salt = legacyOwnerLabelName(this.stackName, this.objectPath);
    for (const { field, prop, secret } of this.secrets) {
      const result = secret.fingerprint(salt, this.stackName);
      if (result.problem !== undefined) this.problem(`${prop}: ${result.problem}`);
      else fingerprints[field] = result.fingerprint;
    }

    const { flavour, bridgeCommand } = this.settings;
    if (flavour === 'provider') {
      this.encodeForProvider(definition, ref, spec, specJson, fingerprints);
      return;
    }
    const command = (verb: string): string => escapeTemplate(`${bridgeCommand} ${verb}`);
    const credentialEnv = Object.fromEntries(Object.entries(this.settings.environment).map(([k, v]) => [k, escapeTemplate(v)]));

    // Lifecycle: identity + immutable properties; replaced when one of them changes.
    const lifecycleTriggers: Record<string, string> = {
      imco_kind: this.kind,
      imco_stack: escapeTemplate(this.stackName),
      imco_path: escapeTemplate(this.objectPath),
      imco_endpoint: escapeTemplate(spec.endpoint),
      imco_self: escapeTemplate(JSON.stringify(ref)),
    };
    if (definition.parent) lifecycleTriggers.imco_parent = definition.parent.resource.id;
    for (const field of this.catalog.immutableFields) {
      if (field in fields) lifecycleTriggers[field] = this.triggerValue(fields[field]);
    }
    for (const field of this.catalog.secretFields) {
      if (!this.catalog.updateFields.includes(field) && field in fingerprints) lifecycleTriggers[field] = fingerprints[field];
    }
    if (extras.archive) lifecycleTriggers.archive_sha256 = extras.archive.sha256;
    const carried = { imco_timeout: String(this.timeoutSeconds) };

    const dependencies = [...this.used].map((o) => o.syncResource);
    const environmentCheck = { subject: this.describe(), checkedElsewhere: SPEC_VARIABLES };
    const resource = createHandlerResource(this, 'Resource', {
      flavour,
      logicalId: this.claimName(this.resourceName),
      triggers: lifecycleTriggers,
      carried,
      environmentCheck,
      // Created after, and destroyed before, the stack's sweep resource (directly, or through the objects it uses).
      dependsOn: dependencies.length > 0 ? dependencies : [ensureSweepResource(this, this.settings)],
      provisioners: [
        // A failed create does not taint the lifecycle resource (Terraform would then never run its
        // destroy provisioner, and a replacement would cascade to every dependent): the `_sync`
        // resource that follows fails the apply instead, and the next apply retries through it.
        {
          type: 'local-exec',
          command: command('create'),
          environment: { ...credentialEnv, [SPEC_ENV]: specJson, [TF_ID_ENV]: '${self.id}' },
          onFailure: 'continue',
        } as LocalExecProvisioner,
        {
          type: 'local-exec',
          when: 'destroy',
          command: command('delete'),
          environment: { ...credentialEnv, [TRIGGERS_ENV]: selfTriggersExpression(flavour, true) },
        },
      ],
    });

    // Sync: the mutable desired state (secrets as fingerprints); replaced when it changes.
    const syncTriggers: Record<string, string> = { imco_lifecycle: resource.id };
    for (const field of this.catalog.updateFields) {
      if (this.catalog.secretFields.includes(field)) {
        if (field in fingerprints) syncTriggers[field] = fingerprints[field];
      } else if (field in fields) {
        syncTriggers[field] = this.triggerValue(fields[field]);
      }
    }
    Object.assign(syncTriggers, this.extrasTriggers(extras));
    const drift = driftTrigger(this);
    if (drift !== undefined) (syncTriggers as Record<string, unknown>).imco_drift = drift;
    const syncResource = createHandlerResource(this, 'Sync', {
      flavour,
      logicalId: this.claimName(`${this.resourceName}_sync`),
      triggers: syncTriggers,
      environmentCheck,
      dependsOn: [resource, ...dependencies],
      provisioners: [
        {
          type: 'local-exec',
          command: command('update'),
          environment: { ...credentialEnv, [SPEC_ENV]: specJson, [TF_ID_ENV]: resource.id },
        },
      ],
    });
    this.encoded = { ref, spec, resource, syncResource, specJson };
  }

  /** Provider flavour: the object's `imco_<kind>` resource and its parts, from the same desired state. */
  private encodeForProvider(definition: ObjectDefinition, ref: ObjectRef, spec: BridgeSpec, specJson: string, fingerprints: Record<string, string>): void {
    const parentField = this.catalog.parent?.field;
    const encoded = encodeForProvider(this, this.resourceName, {
      spec,
      fingerprints,
      owner: this.ownerLabel,
      parent: definition.parent && parentField ? { field: parentField, id: definition.parent.resource.id } : undefined,
      timeoutSeconds: this.timeoutConfigured ? this.timeoutSeconds : undefined,
      dependsOn: [...this.used].flatMap((o) => o.partResources),
      refId: (r) => ImcoObject.ofRef(r)?.resource.id,
      partsOf: (r) => ImcoObject.ofRef(r)?.partResources ?? [],
      claim: (name) => this.claimName(name),
    });
    encoded.problems.forEach((p) => this.problem(p));
    this.parts = encoded.parts;
    this.encoded = { ref, spec, resource: encoded.resource, syncResource: encoded.resource, specJson };
  }

  /** Adds an action resource (`<name>_<suffix>`) that runs `imco-bridge action` when its trigger changes. */
  protected addAction(id: string, definition: ActionDefinition): HandlerResource {
    const { spec, resource, syncResource } = this.done();
    for (const other of definition.uses ?? []) this.use(other, 'action');
    const flavour = this.settings.flavour;
    if (flavour === 'provider') {
      const script = definition.action.name === 'execute' ? ImcoObject.ofRef(definition.action.script.$ref) : undefined;
      const action = providerAction(this, id, {
        action: definition.action,
        serverId: resource.id,
        scriptId: script?.resource.id,
        trigger: definition.trigger,
        logicalId: this.claimName(`${this.resourceName}_${definition.suffix}`),
        dependsOn: (definition.uses ?? []).flatMap((o) => o.partResources),
      });
      this.actions.push(action);
      return action;
    }
    const actionSpec: BridgeSpec = { ...spec, action: definition.action };
    const specJson = escapeTemplate(JSON.stringify(actionSpec));
    const triggers: Record<string, string> = { imco_lifecycle: resource.id, trigger: escapeTemplate(definition.trigger) };
    if (definition.action.name === 'execute') {
      const script = ImcoObject.ofRef(definition.action.script.$ref);
      if (script) triggers.script = script.resource.id;
    }
    const action = createHandlerResource(this, id, {
      flavour,
      logicalId: this.claimName(`${this.resourceName}_${definition.suffix}`),
      triggers,
      environmentCheck: { subject: this.describe(), checkedElsewhere: SPEC_VARIABLES },
      dependsOn: [syncResource, ...(definition.uses ?? []).map((o) => o.syncResource)],
      provisioners: [
        {
          type: 'local-exec',
          command: escapeTemplate(`${this.settings.bridgeCommand} action`),
          environment: {
            ...Object.fromEntries(Object.entries(this.settings.environment).map(([k, v]) => [k, escapeTemplate(v)])),
            [SPEC_ENV]: specJson,
            [TF_ID_ENV]: resource.id,
          },
        },
      ],
    });
    this.actions.push(action);
    return action;
  }

  private buildSelf(definition: ObjectDefinition): ObjectRef {
    if (definition.self) return Object.freeze({ ...definition.self, path: this.objectPath });
    return Object.freeze({ kind: this.kind, owner: this.ownerKey, path: this.objectPath });
  }

  /** Claims a Terraform resource name in the stack; a name claimed twice is a problem (reported once per object). */
  private claimName(name: string): string {
    const names = registryOf(this).resourceNames;
    const holder = names.get(name);
    if (holder !== undefined && holder !== this.node.path) {
      if (!this.nameCollision) {
        this.nameCollision = true;
        this.problem(
          `its Terraform resource name '${name}' is already used by '${holder}' (construct paths that differ only in characters outside [A-Za-z0-9_-] collide); rename one of the constructs`,
        );
      }
    } else {
      names.set(name, this.node.path);
    }
    return name;
  }

  /** A trigger value: strings as-is (escaped), references as the lifecycle id token, the rest as JSON. */
  private triggerValue(value: SpecValue): string {
    if (typeof value === 'string') return escapeTemplate(value);
    if (isRef(value)) return this.refToken(value.$ref);
    const tokens = new Set<string>();
    const live = this.withRefTokens(value, tokens);
    return jsonForTerraform(live, (t) => tokens.has(t));
  }

  /** The lifecycle `.id` of the object a ref names (or the ref as JSON when it is not managed here). */
  private refToken(ref: ObjectRef): string {
    const target = ImcoObject.ofRef(ref);
    return target ? target.resource.id : escapeTemplate(JSON.stringify(ref));
  }

  private withRefTokens(value: unknown, tokens: Set<string>): unknown {
    if (isRef(value)) {
      const token = this.refToken(value.$ref);
      tokens.add(token);
      return token;
    }
    if (isSecret(value)) return null;
    if (Array.isArray(value)) return value.map((v) => this.withRefTokens(v, tokens));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.withRefTokens(v, tokens)]));
    }
    return value;
  }

  /** Sync triggers for the mutable extras. */
  private extrasTriggers(extras: SpecExtras): Record<string, string> {
    const out: Record<string, string> = {};
    if (extras.power !== undefined) out.power = escapeTemplate(String(extras.power));
    if (extras.size !== undefined) out.size = String(extras.size);
    if (extras.compile !== undefined) out.compile = String(extras.compile);
    if (extras.scripts !== undefined) out.scripts = this.triggerValue(extras.scripts as unknown as SpecValue);
    if (extras.attachments !== undefined) {
      out.attachments = jsonForTerraform(extras.attachments.map((a) => ({ name: a.name, sha256: a.sha256 })), () => false);
    }
    if (extras.attachTo !== undefined) out.attach_to = extras.attachTo ? this.refToken(extras.attachTo.$ref) : '';
    return out;
  }

  // ---------------------------------------------------------------- validation

  private validate(): string[] {
    const found: string[] = [...this.problems];
    for (const check of this.checks) for (const p of check()) if (p) found.push(p);
    if (this.encoded) {
      if (this.settings.flavour !== 'provider') this.checkSpecSizeInto(found);
      const tokens = unresolvedTokenPaths(this.encoded.spec.fields);
      if (tokens.length > 0) {
        found.push(
          `${tokens.join(', ')} hold Terraform expressions (tokens); the handler needs literal values at synth — use plain values, or a lookup`,
        );
      }
      found.push(...this.identityProblems());
      found.push(...failedLookupProblems(this.encoded.spec.fields));
    }
    return [...new Set(found)].map((p) => `${this.describe()}: ${p}`);
  }

  private checkSpecSizeInto(found: string[]): void {
    const problem = specSizeProblem(this.done().spec, this.done().specJson);
    if (problem !== undefined) found.push(problem);
  }

  /** Duplicate ownership keys / natural keys / names of the same kind, reported on the later object. */
  private identityProblems(): string[] {
    const found: string[] = [];
    const objects = registryOf(this).objects;
    const mine = identityKey(this.ref);
    const myName = this.catalog.nameField ? this.spec.fields[this.catalog.nameField] : undefined;
    for (const other of objects) {
      if (other === this) break;
      if (!(other instanceof ImcoObject) || !other.encoded) continue;
      if (other.kind === this.kind && identityKey(other.ref) === mine) {
        found.push(
          this.ownerKey
            ? `its ownership label '${this.ownerKey}' is also the label of '${other.objectPath}'; the two would be the same IMCO object — rename one of the constructs`
            : `it has the same identity as '${other.objectPath}' (${describeIdentity(this.ref)}); IMCO would see one object — remove or change one of them`,
        );
      }
      if (
        this.catalog.labelable &&
        typeof myName === 'string' &&
        other.kind === this.kind &&
        other.spec.fields[this.catalog.nameField as string] === myName
      ) {
        found.push(
          `its name '${myName}' is also the name of ${other.describe()}; imco-bridge refuses to create a ${this.catalog.title} whose name another one already has — give each a unique name`,
        );
      }
    }
    return found;
  }
}

/** A ref without its path: what identifies the object in IMCO. */
function identityKey(ref: ObjectRef): string {
  const strip = (r: ObjectRef): unknown => ({ kind: r.kind, owner: r.owner, natural: r.natural, id: r.id, parent: r.parent ? strip(r.parent) : undefined });
  return JSON.stringify(strip(ref));
}

function describeIdentity(ref: ObjectRef): string {
  const parts: string[] = [];
  if (ref.parent?.path) parts.push(`in '${ref.parent.path}'`);
  if (ref.natural) parts.push(Object.entries(ref.natural).map(([k, v]) => `${k} ${v}`).join(', '));
  if (!ref.natural && !ref.owner) parts.push(`the one ${kindSpec(ref.kind).title} of its parent`);
  return parts.join(', ');
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `the string '${value}'`;
  if (value instanceof Construct) return `${value.constructor.name} '${value.node.path}'`;
  return typeof value;
}

export type { IdLike };
