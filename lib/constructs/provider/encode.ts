// The provider flavour's encoding of one IMCO object (docs/architecture.md §2.1): ONE `imco_<kind>` resource with
// the object's attributes, its `owner` label, its parent's id and its timeouts; the parts IMCO keeps
// as objects of their own (a template's scripts → `imco_template_script`, a script's attachments →
// `imco_attachment`); and the actions (`imco_server_reboot`, `imco_script_execution`) that run once
// per change of their `triggers`. The ImcoObject base class calls it instead of building the
// provisioner resources.
import type { ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';
import type { BridgeSpec, ObjectRef } from '../../spec/spec';
import { escapeTemplate } from '../escape';
import { resourceNameOf } from '../registry';
import { objectAttributes } from './attributes';
import { ImcoResource } from './imco-resource';

export interface ProviderObjectInput {
  readonly spec: BridgeSpec;
  readonly fingerprints: Readonly<Record<string, string>>;
  /** Ownership label name (labelable kinds). */
  readonly owner?: string;
  /** The parent's id attribute (`vpc_id`) and its resource's `id` token. */
  readonly parent?: { readonly field: string; readonly id: string };
  /** Seconds to wait, when configured (ImcoSettings timeouts or the object's timeoutSeconds). */
  readonly timeoutSeconds?: number;
  /** Part resources of the objects this one uses (they must exist before it). */
  readonly dependsOn: readonly ITerraformDependable[];
  readonly refId: (ref: ObjectRef) => string | undefined;
  /** Parts of the managed object a ref names (a script's attachments), for the template scripts' dependencies. */
  readonly partsOf: (ref: ObjectRef) => readonly ITerraformDependable[];
  /** Claims a Terraform resource name in the stack (duplicates are reported by the object). */
  readonly claim: (name: string) => string;
}

export interface ProviderEncoding {
  readonly resource: ImcoResource;
  /** Template scripts and attachments, in declaration order. */
  readonly parts: readonly ImcoResource[];
  readonly problems: readonly string[];
}

/** Builds the object's resource and its parts under `scope`. */
export function encodeForProvider(scope: Construct, name: string, input: ProviderObjectInput): ProviderEncoding {
  const { spec } = input;
  const { attributes, problems } = objectAttributes(input);
  if (input.parent) attributes[input.parent.field] = input.parent.id;
  if (input.owner !== undefined) attributes.owner = escapeTemplate(input.owner);
  if (input.timeoutSeconds !== undefined) {
    const t = `${input.timeoutSeconds}s`;
    attributes.timeouts = { create: t, update: t, delete: t };
  }
  const resource = new ImcoResource(scope, 'Resource', {
    type: `imco_${spec.kind}`,
    logicalId: input.claim(name),
    attributes,
    dependsOn: input.dependsOn,
  });
  const parts: ImcoResource[] = [];
  for (const type of ['boot', 'operational', 'shutdown'] as const) {
    let previous: ImcoResource | undefined;
    (spec.extras.scripts?.[type] ?? []).forEach((entry, i) => {
      const part = new ImcoResource(scope, `TemplateScript-${type}-${i + 1}`, {
        type: 'imco_template_script',
        logicalId: input.claim(`${name}_${type}_${i + 1}`),
        attributes: {
          template_id: resource.id,
          type,
          script_id: input.refId(entry.script.$ref),
          parameter_values: escapedMap(entry.parameterValues),
        },
        // In declaration order (IMCO appends), and after the script's attachments.
        dependsOn: [...(previous ? [previous] : []), ...input.partsOf(entry.script.$ref)],
      });
      parts.push(part);
      previous = part;
    });
  }
  (spec.extras.attachments ?? []).forEach((file, i) => {
    parts.push(
      new ImcoResource(scope, `Attachment-${i + 1}`, {
        type: 'imco_attachment',
        logicalId: input.claim(`${name}_attachment_${resourceNameOf(file.name).replace(/^_/, '')}`),
        attributes: { script_id: resource.id, name: escapeTemplate(file.name), source: escapeTemplate(file.path), source_sha256: file.sha256 },
      }),
    );
  });
  return { resource, parts, problems };
}

export interface ProviderActionInput {
  readonly action: NonNullable<BridgeSpec['action']>;
  readonly serverId: string;
  /** The executed script's `id` token. */
  readonly scriptId?: string;
  readonly trigger: string;
  readonly logicalId: string;
  readonly dependsOn: readonly ITerraformDependable[];
}

/** `imco_server_reboot` / `imco_script_execution`: runs at create and again whenever `triggers` changes. */
export function providerAction(scope: Construct, id: string, input: ProviderActionInput): ImcoResource {
  const attributes: Record<string, unknown> = { server_id: input.serverId, triggers: { trigger: escapeTemplate(input.trigger) } };
  if (input.action.name === 'execute') attributes.script_id = input.scriptId;
  return new ImcoResource(scope, id, {
    type: input.action.name === 'reboot' ? 'imco_server_reboot' : 'imco_script_execution',
    logicalId: input.logicalId,
    attributes,
    dependsOn: input.dependsOn,
  });
}

function escapedMap(map: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, escapeTemplate(v)]));
}
