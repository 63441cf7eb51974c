// The stack's prune resource. Terraform never runs the destroy provisioner of a resource whose block
// was removed from the configuration, so removing a construct would orphan its IMCO object. This
// one resource per stack carries the list of declared objects in its triggers: when the list
// changes it is replaced, its old instance's destroy provisioner records the old list, and the new
// instance's create provisioner (which runs after every other resource of the stack) deletes the
// objects that are no longer declared.
import { Lazy, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { TRIGGERS_ENV } from '../bridge/spec';
import { escapeTemplate, jsonForTerraform } from './escape';
import { createHandlerResource, selfTriggersExpression, type HandlerResource } from './handler-resource';
import type { ImcoObject } from './imco-object';
import { registryOf } from './registry';
import type { ResolvedImcoSettings } from './settings';

const prunes = new WeakMap<TerraformStack, HandlerResource>();

/** Terraform name of a stack's prune resource. */
export const PRUNE_RESOURCE_NAME = 'imco_prune';

/** Creates the stack's prune resource once; its content is computed at synth from every object. */
export function ensurePruneResource(scope: IConstruct, settings: ResolvedImcoSettings): void {
  const stack = TerraformStack.of(scope);
  if (prunes.has(stack)) return;
  const registry = registryOf(scope);
  const objects = (): ImcoObject[] => registry.objects as unknown as ImcoObject[];
  const declared = (): string =>
    jsonForTerraform(
      objects()
        .map((o) => ({ kind: o.kind, path: o.objectPath, self: o.ref }))
        .sort((a, b) => a.path.localeCompare(b.path)),
    );
  const command = (verb: string): string => escapeTemplate(`${settings.bridgeCommand} ${verb}`);
  const credentialEnv = Object.fromEntries(Object.entries(settings.environment).map(([k, v]) => [k, escapeTemplate(v)]));
  const objectsJson = Lazy.stringValue({ produce: declared });
  const resource = createHandlerResource(stack, 'imco-prune', {
    flavour: settings.flavour,
    logicalId: PRUNE_RESOURCE_NAME,
    triggers: {
      imco_prune: escapeTemplate(stack.node.id),
      imco_endpoint: escapeTemplate(settings.endpoint ?? ''),
      imco_objects: objectsJson,
    },
    provisioners: [
      { type: 'local-exec', command: command('prune'), environment: { ...credentialEnv, [TRIGGERS_ENV]: selfTriggersExpression(settings.flavour, false) } },
      { type: 'local-exec', when: 'destroy', command: command('prune-record'), environment: { [TRIGGERS_ENV]: selfTriggersExpression(settings.flavour, false) } },
    ],
  });
  resource.addOverride(
    'depends_on',
    Lazy.listValue({
      produce: () =>
        objects().flatMap((o) => [o.resource, o.syncResource, ...o.actionResources].map((r) => `${r.terraformResourceType}.${r.friendlyUniqueId}`)),
    }),
  );
  prunes.set(stack, resource);
}
