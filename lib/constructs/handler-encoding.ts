// The handler flavours' encoding of one IMCO object (`terraform_data` / `null_resource`; see
// docs/architecture.md §2.2): the lifecycle resource (identity + immutable fields, create and delete
// provisioners), the `_sync` resource (mutable fields, update provisioner) and action resources,
// each running imco-bridge with the spec in its environment. ImcoObject gathers the input.
import type { LocalExecProvisioner } from 'cdktf';
import type { Construct } from 'constructs';
import type { KindSpec } from '../catalog';
import { SPEC_ENV, TF_ID_ENV, TRIGGERS_ENV, type BridgeSpec, type SpecValue } from '../spec/spec';
import { escapeTemplate } from './escape';
import { createHandlerResource, selfTriggersExpression, type HandlerFlavour, type HandlerResource } from './handler-resource';
import { SPEC_VARIABLES } from './environment-size';
import type { ResolvedImcoSettings } from './settings';
import { ensureSweepResource } from './sweep';
import { extrasTriggers, triggerValue, type LifecycleIdOf } from './triggers';

/** What the handler encoding needs of the object being encoded. */
export interface HandlerEncodingInput {
  /** The object's construct (the resources' scope). */
  readonly scope: Construct;
  readonly catalog: KindSpec;
  readonly flavour: HandlerFlavour;
  readonly settings: ResolvedImcoSettings;
  /** `<kind title> '<path>'`, the subject of environment-size messages. */
  readonly subject: string;
  /** Terraform name of the lifecycle resource. */
  readonly resourceName: string;
  readonly spec: BridgeSpec;
  /** The spec as escaped JSON (the handlers' environment value). */
  readonly specJson: string;
  /** Secret fingerprints by wire field. */
  readonly fingerprints: Readonly<Record<string, string>>;
  /** The parent's lifecycle `.id` (replacing the parent replaces this object). */
  readonly parentId?: string;
  /** The `_sync` resources of the objects this one uses. */
  readonly dependencies: readonly HandlerResource[];
  /** The `imco_drift` trigger (IMCO_DRIFT=plan), computed once the lifecycle resource exists. */
  readonly drift: () => unknown;
  readonly claim: (name: string) => string;
  readonly lifecycleIdOf: LifecycleIdOf;
}

/** What an action resource runs: reboot, or execute an operational script. */
export interface HandlerActionInput {
  readonly scope: Construct;
  readonly id: string;
  readonly flavour: HandlerFlavour;
  readonly settings: ResolvedImcoSettings;
  readonly subject: string;
  readonly logicalId: string;
  readonly spec: BridgeSpec;
  readonly action: NonNullable<BridgeSpec['action']>;
  readonly trigger: string;
  readonly lifecycle: HandlerResource;
  /** The lifecycle `.id` of the script an `execute` action runs, when it is managed here. */
  readonly scriptId?: string;
  readonly dependsOn: readonly HandlerResource[];
}

function credentialEnvironment(settings: ResolvedImcoSettings): Record<string, string> {
  return Object.fromEntries(Object.entries(settings.environment).map(([k, v]) => [k, escapeTemplate(v)]));
}

function bridgeCommand(settings: ResolvedImcoSettings, verb: string): string {
  return escapeTemplate(`${settings.bridgeCommand} ${verb}`);
}

/** The lifecycle and `_sync` resources of one object. */
export function encodeWithHandlers(input: HandlerEncodingInput): { resource: HandlerResource; syncResource: HandlerResource } {
  const resource = lifecycleResource(input);
  const syncResource = syncResourceOf(input, resource);
  return { resource, syncResource };
}

/** Lifecycle: identity + immutable properties; replaced when one of them changes. */
function lifecycleTriggers(input: HandlerEncodingInput): Record<string, string> {
  const { spec, catalog, fingerprints } = input;
  const { fields } = spec;
  const triggers: Record<string, string> = {
    imco_kind: spec.kind,
    imco_stack: escapeTemplate(spec.stack),
    imco_path: escapeTemplate(spec.path),
    imco_endpoint: escapeTemplate(spec.endpoint),
    imco_self: escapeTemplate(JSON.stringify(spec.self)),
  };
  if (input.parentId !== undefined) triggers.imco_parent = input.parentId;
  for (const field of catalog.immutableFields) {
    if (field in fields) triggers[field] = triggerValue(fields[field], input.lifecycleIdOf);
  }
  for (const field of catalog.secretFields) {
    if (!catalog.updateFields.includes(field) && field in fingerprints) triggers[field] = fingerprints[field];
  }
  if (spec.extras.archive) triggers.archive_sha256 = spec.extras.archive.sha256;
  return triggers;
}

function lifecycleResource(input: HandlerEncodingInput): HandlerResource {
  const { settings, dependencies } = input;
  const credentialEnv = credentialEnvironment(settings);
  return createHandlerResource(input.scope, 'Resource', {
    flavour: input.flavour,
    logicalId: input.claim(input.resourceName),
    triggers: lifecycleTriggers(input),
    carried: { imco_timeout: String(input.spec.timeoutSeconds) },
    environmentCheck: { subject: input.subject, checkedElsewhere: SPEC_VARIABLES },
    // Created after, and destroyed before, the stack's sweep resource (directly, or through the objects it uses).
    dependsOn: dependencies.length > 0 ? [...dependencies] : [ensureSweepResource(input.scope, settings)],
    provisioners: [
      // A failed create does not taint the lifecycle resource (Terraform would then never run its
      // destroy provisioner, and a replacement would cascade to every dependent): the `_sync`
      // resource that follows fails the apply instead, and the next apply retries through it.
      {
        type: 'local-exec',
        command: bridgeCommand(settings, 'create'),
        environment: { ...credentialEnv, [SPEC_ENV]: input.specJson, [TF_ID_ENV]: '${self.id}' },
        onFailure: 'continue',
      } as LocalExecProvisioner,
      {
        type: 'local-exec',
        when: 'destroy',
        command: bridgeCommand(settings, 'delete'),
        environment: { ...credentialEnv, [TRIGGERS_ENV]: selfTriggersExpression(input.flavour, true) },
      },
    ],
  });
}

/** Sync: the mutable desired state (secrets as fingerprints); replaced when it changes. */
function syncResourceOf(input: HandlerEncodingInput, resource: HandlerResource): HandlerResource {
  const { spec, catalog, fingerprints, settings } = input;
  const fields: Readonly<Record<string, SpecValue>> = spec.fields;
  const syncTriggers: Record<string, string> = { imco_lifecycle: resource.id };
  for (const field of catalog.updateFields) {
    if (catalog.secretFields.includes(field)) {
      if (field in fingerprints) syncTriggers[field] = fingerprints[field];
    } else if (field in fields) {
      syncTriggers[field] = triggerValue(fields[field], input.lifecycleIdOf);
    }
  }
  Object.assign(syncTriggers, extrasTriggers(spec.extras, input.lifecycleIdOf));
  const drift = input.drift();
  if (drift !== undefined) (syncTriggers as Record<string, unknown>).imco_drift = drift;
  return createHandlerResource(input.scope, 'Sync', {
    flavour: input.flavour,
    logicalId: input.claim(`${input.resourceName}_sync`),
    triggers: syncTriggers,
    environmentCheck: { subject: input.subject, checkedElsewhere: SPEC_VARIABLES },
    dependsOn: [resource, ...input.dependencies],
    provisioners: [
      {
        type: 'local-exec',
        command: bridgeCommand(settings, 'update'),
        environment: { ...credentialEnvironment(settings), [SPEC_ENV]: input.specJson, [TF_ID_ENV]: resource.id },
      },
    ],
  });
}

/** An action resource that runs `imco-bridge action` when its trigger changes. */
export function handlerAction(input: HandlerActionInput): HandlerResource {
  const actionSpec: BridgeSpec = { ...input.spec, action: input.action };
  const specJson = escapeTemplate(JSON.stringify(actionSpec));
  const triggers: Record<string, string> = { imco_lifecycle: input.lifecycle.id, trigger: escapeTemplate(input.trigger) };
  if (input.scriptId !== undefined) triggers.script = input.scriptId;
  return createHandlerResource(input.scope, input.id, {
    flavour: input.flavour,
    logicalId: input.logicalId,
    triggers,
    environmentCheck: { subject: input.subject, checkedElsewhere: SPEC_VARIABLES },
    dependsOn: [...input.dependsOn],
    provisioners: [
      {
        type: 'local-exec',
        command: bridgeCommand(input.settings, 'action'),
        environment: { ...credentialEnvironment(input.settings), [SPEC_ENV]: specJson, [TF_ID_ENV]: input.lifecycle.id },
      },
    ],
  });
}
