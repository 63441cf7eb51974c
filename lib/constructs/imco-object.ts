// ImcoObject: the base class of every IMCO construct (docs/architecture.md). It owns the object's
// identity (ownership label or natural key), the BridgeSpec handed to imco-bridge, secret
// fingerprints, references between objects and the shared validations; the Terraform resources come
// from ./provider/encode.ts (provider flavour: ONE `imco_<kind>` resource) or ./handler-encoding.ts
// (handler flavours: lifecycle, `_sync` and action resources running imco-bridge).
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { kindSpec, type KindSpec } from '../catalog';
import { legacyOwnerLabelName, ownershipLabel } from '../spec/identity';
import { SPEC_VERSION, type BridgeSpec, type ObjectRef, type SpecValue } from '../spec/spec';
import { escapeTemplate } from './escape';
import type { HandlerResource } from './handler-resource';
import { encodeWithHandlers, handlerAction } from './handler-encoding';
import { identityProblems } from './identity-problems';
import { driftTrigger } from './drift';
import type { ActionDefinition, ImcoObjectProps, ObjectDefinition } from './object-definition';
import { ensurePruneResource } from './prune';
import { encodeForProvider, providerAction } from './provider/encode';
import { importResources } from './provider/import-from';
import type { ImcoResource } from './provider/imco-resource';
import { claimResourceName, registryOf, resourceNameOf, stackRelativePath } from './registry';
import { secretFingerprints, secretProblem, type Secret, type SecretUse } from './secret';
import { ImcoSettings, type ResolvedImcoSettings } from './settings';
import { specSizeProblem } from './spec-size';
import { constructRefProblem, idOf, idProblem, integerProblem, nameProblem, unresolvedTokenPaths, type IdLike } from './validation';
import { failedLookupProblems } from './lookups';

export { TF_ID_ENV, TRIGGERS_ENV } from '../spec/spec';
export { MAX_SPEC_BYTES } from './spec-size';
export type { ActionDefinition, ImcoObjectProps, ObjectDefinition } from './object-definition';

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
  /** Name of the ownership label in IMCO (labelable kinds only; see lib/spec/identity.ts). */
  readonly ownerLabel?: string;
  /** Ownership key within the stack (labelable kinds only): `ref.owner`, the label name of earlier versions. */
  readonly ownerKey?: string;
  /** Terraform name of the lifecycle resource; the sync resource is `<name>_sync`. */
  readonly resourceName: string;

  protected readonly settings: ResolvedImcoSettings;
  private readonly problems: string[] = [];
  private readonly checks: (() => (string | undefined)[])[] = [];
  private readonly used = new Set<ImcoObject>();
  private readonly secrets: SecretUse[] = [];
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
      this.problem(constructRefProblem(target, prop, title));
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
    const spec: BridgeSpec = {
      version: SPEC_VERSION,
      kind: this.kind,
      stack: this.stackName,
      ...(this.settings.instance ? { instance: this.settings.instance } : {}),
      path: this.objectPath,
      endpoint: this.settings.endpoint ?? '',
      self: ref,
      fields,
      extras: definition.extras ?? {},
      timeoutSeconds: this.timeoutSeconds,
    };
    const specJson = escapeTemplate(JSON.stringify(spec));
    const fingerprints = this.fingerprints();
    const flavour = this.settings.flavour;
    if (flavour === 'provider') {
      this.encodeForProvider(definition, ref, spec, specJson, fingerprints);
      return;
    }
    const { resource, syncResource } = encodeWithHandlers({
      scope: this,
      catalog: this.catalog,
      flavour,
      settings: this.settings,
      subject: this.describe(),
      resourceName: this.resourceName,
      spec,
      specJson,
      fingerprints,
      parentId: definition.parent ? definition.parent.resource.id : undefined,
      dependencies: [...this.used].map((o) => o.syncResource),
      drift: () => driftTrigger(this),
      claim: (name) => this.claimName(name),
      lifecycleIdOf: lifecycleIdOf,
    });
    this.encoded = { ref, spec, resource, syncResource, specJson };
  }

  /** Secrets: fingerprints only (by wire field); a missing value is a validation problem. */
  private fingerprints(): Record<string, string> {
    const salt = legacyOwnerLabelName(this.stackName, this.objectPath);
    const { fingerprints, problems } = secretFingerprints(this.secrets, salt, this.stackName);
    problems.forEach((p) => this.problem(p));
    return fingerprints;
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
      refId: lifecycleIdOf,
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
    const script = definition.action.name === 'execute' ? ImcoObject.ofRef(definition.action.script.$ref) : undefined;
    const logicalId = this.claimName(`${this.resourceName}_${definition.suffix}`);
    const flavour = this.settings.flavour;
    const action =
      flavour === 'provider'
        ? providerAction(this, id, {
            action: definition.action,
            serverId: resource.id,
            scriptId: script?.resource.id,
            trigger: definition.trigger,
            logicalId,
            dependsOn: (definition.uses ?? []).flatMap((o) => o.partResources),
          })
        : handlerAction({
            scope: this,
            id,
            flavour,
            settings: this.settings,
            subject: this.describe(),
            logicalId,
            spec,
            action: definition.action,
            trigger: definition.trigger,
            lifecycle: resource,
            scriptId: script?.resource.id,
            dependsOn: [syncResource, ...(definition.uses ?? []).map((o) => o.syncResource)],
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
    const holder = claimResourceName(this, name);
    if (holder !== undefined && !this.nameCollision) {
      this.nameCollision = true;
      this.problem(
        `its Terraform resource name '${name}' is already used by '${holder}' (construct paths that differ only in characters outside [A-Za-z0-9_-] collide); rename one of the constructs`,
      );
    }
    return name;
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
      found.push(...identityProblems(this, this.earlierEncoded()));
      found.push(...failedLookupProblems(this.encoded.spec.fields));
    }
    return [...new Set(found)].map((p) => `${this.describe()}: ${p}`);
  }

  private checkSpecSizeInto(found: string[]): void {
    const problem = specSizeProblem(this.done().spec, this.done().specJson);
    if (problem !== undefined) found.push(problem);
  }

  /** The encoded IMCO objects declared before this one in its stack. */
  private earlierEncoded(): ImcoObject[] {
    const objects = registryOf(this).objects;
    const mine = objects.indexOf(this);
    return (mine < 0 ? objects : objects.slice(0, mine)).filter((o): o is ImcoObject => o instanceof ImcoObject && o.encoded !== undefined);
  }
}

/** The lifecycle resource's `.id` of the object a ref names, when it is managed in this program. */
function lifecycleIdOf(ref: ObjectRef): string | undefined {
  return ImcoObject.ofRef(ref)?.resource.id;
}

export type { IdLike };
