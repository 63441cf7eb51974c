// The stack's prune resource. Terraform never runs the destroy provisioner of a resource whose block
// was removed from the configuration, so removing a construct would orphan its IMCO object. This
// one resource per stack carries the list of declared objects in its triggers (in chunks, see
// lib/spec/object-chunks.ts): when the list changes it is replaced, its old instance's destroy
// provisioner records the old list, and the new instance's create provisioner (which runs after
// every other resource of the stack) deletes the objects that are no longer declared.
import { Lazy, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { TRIGGERS_ENV } from '../spec/spec';
import { chunkVariableBytes, declaredObjectsCache, declaredObjectsProblem, objectChunkEnvironment, objectChunkMap, smallKeysExpression } from './declared-object';
import { escapeTemplate } from './escape';
import { createHandlerResource, type HandlerResource } from './handler-resource';
import type { ImcoObject } from './imco-object';
import { registryOf } from './registry';
import type { ResolvedImcoSettings } from './settings';

const prunes = new WeakMap<TerraformStack, HandlerResource>();

/** Terraform name of a stack's prune resource. */
export const PRUNE_RESOURCE_NAME = 'imco_prune';

/** Creates the stack's prune resource once (provisioner flavours only); its content is computed at synth from every object. */
export function ensurePruneResource(scope: IConstruct, settings: ResolvedImcoSettings): void {
  const stack = TerraformStack.of(scope);
  const flavour = settings.flavour;
  if (prunes.has(stack) || flavour === 'provider') return;
  const registry = registryOf(scope);
  const objects = (): ImcoObject[] => registry.objects as unknown as ImcoObject[];
  const declared = declaredObjectsCache(stack);
  const command = (verb: string): string => escapeTemplate(`${settings.bridgeCommand} ${verb}`);
  const credentialEnv = Object.fromEntries(Object.entries(settings.environment).map(([k, v]) => [k, escapeTemplate(v)]));
  const attribute = settings.flavour === 'null_resource' ? 'triggers' : 'triggers_replace';
  const small: Record<string, string> = { imco_prune: escapeTemplate(stack.node.id), imco_endpoint: escapeTemplate(settings.endpoint ?? '') };
  const selfEnv = { [TRIGGERS_ENV]: smallKeysExpression(attribute), ...objectChunkEnvironment(attribute) };
  const resource = createHandlerResource(stack, 'imco-prune', {
    flavour,
    logicalId: PRUNE_RESOURCE_NAME,
    triggers: small,
    provisioners: [
      { type: 'local-exec', command: command('prune'), environment: { ...credentialEnv, ...selfEnv } },
      { type: 'local-exec', when: 'destroy', command: command('prune-record'), environment: selfEnv },
    ],
    environmentCheck: {
      subject: `the prune resource of stack '${stack.node.id}'`,
      selfMaps: () => small,
      bytes: chunkVariableBytes(declared),
    },
  });
  resource.addOverride(attribute, Lazy.anyValue({ produce: () => ({ ...small, ...objectChunkMap(declared()) }) }));
  resource.addOverride(
    'depends_on',
    Lazy.listValue({
      produce: () =>
        objects().flatMap((o) => [o.resource, o.syncResource, ...o.actionResources].map((r) => `${r.terraformResourceType}.${r.friendlyUniqueId}`)),
    }),
  );
  resource.node.addValidation({ validate: () => [declaredObjectsProblem(stack.node.id, declared(), objects().length)].filter((p): p is string => !!p) });
  prunes.set(stack, resource);
}
