// The stack's sweep resource: a `terraform_data` created before every object of the stack and
// destroyed after all of them (each lifecycle resource depends on it, directly or through the
// objects it uses). Terraform skips the destroy provisioner of a tainted resource, and an interrupt
// (Ctrl-C) taints every resource whose provisioner was running, whatever its on_failure; so a
// `terraform destroy` after an interrupted apply would leave those objects in IMCO. The sweep keeps
// the declared objects in its `input` (updated in place, never replaced: it has no triggers), and
// its destroy provisioner (`imco-bridge sweep`) deletes whichever of them still exist, users
// before what they use, failing with the list of what is left. It has no create provisioner, so no
// interrupt can taint it. A `null_resource` has no attribute that changes without replacing it: in
// that flavour the list is written into the destroy provisioner itself (literal text is allowed
// there), so it is the list of the configuration that `terraform destroy` runs with.
import { Lazy, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { TRIGGERS_ENV } from '../spec/spec';
import { MAX_OBJECT_CHUNKS, objectChunkEnv, objectChunkKey } from '../spec/object-chunks';
import { chunkVariableBytes, declaredObjectsCache, objectChunkEnvironment, objectChunkMap, smallKeysExpression } from './declared-object';
import { escapeTemplate } from './escape';
import { createHandlerResource, type HandlerResource } from './handler-resource';
import type { ResolvedImcoSettings } from './settings';

/** Terraform address of a stack's sweep resource. */
export const SWEEP_RESOURCE_NAME = 'imco_sweep';

const sweeps = new WeakMap<TerraformStack, HandlerResource>();

/** The stack's sweep resource, created on first use. */
export function ensureSweepResource(scope: IConstruct, settings: ResolvedImcoSettings): HandlerResource {
  const stack = TerraformStack.of(scope);
  const existing = sweeps.get(stack);
  if (existing) return existing;
  const flavour = settings.flavour;
  if (flavour === 'provider') throw new Error('the provider flavour has no sweep resource: removal and destroy are ordinary Terraform deletes');
  const declared = declaredObjectsCache(stack);
  const credentialEnv = Object.fromEntries(Object.entries(settings.environment).map(([k, v]) => [k, escapeTemplate(v)]));
  const raw = { imco_sweep: stack.node.id, imco_endpoint: settings.endpoint ?? '' };
  const small: Record<string, string> = { imco_sweep: escapeTemplate(raw.imco_sweep), imco_endpoint: escapeTemplate(raw.imco_endpoint) };
  const inState = settings.flavour === 'terraform_data';
  const listEnv = inState
    ? { [TRIGGERS_ENV]: smallKeysExpression('input'), ...objectChunkEnvironment('input') }
    : { [TRIGGERS_ENV]: escapeTemplate(JSON.stringify(raw)), ...literalChunkEnvironment(declared) };
  const resource = createHandlerResource(stack, 'imco-sweep', {
    flavour,
    logicalId: SWEEP_RESOURCE_NAME,
    // Never replaced: its destroy provisioner runs only when the stack is destroyed.
    triggers: inState ? {} : { imco_sweep: small.imco_sweep },
    provisioners: [{ type: 'local-exec', when: 'destroy', command: escapeTemplate(`${settings.bridgeCommand} sweep`), environment: { ...credentialEnv, ...listEnv } }],
    environmentCheck: { subject: `the sweep resource of stack '${stack.node.id}'`, selfMaps: () => small, bytes: chunkVariableBytes(declared) },
  });
  if (inState) resource.addOverride('input', Lazy.anyValue({ produce: () => ({ ...small, ...objectChunkMap(declared()) }) }));
  sweeps.set(stack, resource);
  return resource;
}

/** Chunk variables holding the list itself (escaped literal text, computed at synth). */
function literalChunkEnvironment(declared: () => string): Record<string, string> {
  const env: Record<string, string> = {};
  for (let i = 0; i < MAX_OBJECT_CHUNKS; i++) env[objectChunkEnv(i)] = Lazy.stringValue({ produce: () => objectChunkMap(declared())[objectChunkKey(i)] ?? '' });
  return env;
}
