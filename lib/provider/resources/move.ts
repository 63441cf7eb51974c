// Moving a stack from the provisioner flavours to the provider (a `moved` block from the lifecycle
// resource `terraform_data.X` / `null_resource.X` to `imco_<kind>.X`, MoveResourceState). The
// source state holds the object's identity — its kind, its ObjectRef (ownership label or natural
// key in its parent), its endpoint and fingerprints — but not its IMCO id. Terraform 1.11 calls
// MoveResourceState in a provider process it has NOT configured (measured: no ConfigureProvider
// before it), so the move itself uses no network: it returns a state without id and, in private
// data, what the lifecycle resource knew (./move-marker.ts). The refresh that follows (ReadResource,
// configured) finds the object in IMCO the way imco-bridge does, with the provider block's stack
// instance, and completes the state with the live object. What the lifecycle resource could not
// know (secret references, file paths, a VPN plan's name) the plan then records in place.
import type { ObjectRef } from '../../spec/spec';
import { BridgeError } from '../../handlers/errors';
import { ownLabelOf } from '../../handlers/ownership';
import { Resolver, describeRef } from '../../handlers/resolver';
import type { CallContext, Diagnostic, MoveRequest, MoveResponse, ReadResponse, TfObject } from '../resource-type';
import { type PendingMove, encodePendingMove } from './move-marker';
import type { KindModel } from './schema';
import { secretAttr } from './secrets';
import type { Session } from './session';
import { stateFromLive } from './state';

/** The resource types of the provisioner flavours whose lifecycle resource can move here. */
const SOURCES = ['terraform_data', 'null_resource'];

type Triggers = Readonly<Record<string, string>>;

function failure(summary: string): MoveResponse {
  return { targetState: null, diagnostics: [{ severity: 'error', summary } satisfies Diagnostic] };
}

/** A dynamic attribute as Terraform stores it in JSON state: `{ value, type }`. */
function dynamicValue(v: unknown): unknown {
  return v !== null && typeof v === 'object' && 'value' in v && 'type' in v ? (v as { value: unknown }).value : v;
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v === null || typeof v !== 'object') return out;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (typeof x === 'string') out[k] = x;
  return out;
}

/** The lifecycle resource's string map: terraform_data's triggers_replace (+ input), null_resource's triggers. */
function sourceTriggers(req: MoveRequest): Triggers {
  const s = req.sourceState;
  if (req.sourceTypeName === 'null_resource') return stringMap(s.triggers);
  return { ...stringMap(dynamicValue(s.input)), ...stringMap(dynamicValue(s.triggers_replace)) };
}

function parseRef(text: string | undefined): ObjectRef | undefined {
  try {
    const ref = JSON.parse(text ?? '') as ObjectRef;
    return ref && typeof ref === 'object' && typeof ref.kind === 'string' ? ref : undefined;
  } catch {
    return undefined;
  }
}

/** MoveResourceState of an imco_<kind> (no network): a state without id, the pending move in private data. */
export function moveKind(model: KindModel, req: MoveRequest): MoveResponse {
  const source = `${req.sourceTypeName} (${req.sourceProviderAddress})`;
  if (!SOURCES.includes(req.sourceTypeName)) {
    return failure(`${model.typeName} can take over only the lifecycle resource of an IMCO object of the provisioner flavours (terraform_data or null_resource), not ${source}: remove this moved block`);
  }
  const triggers = sourceTriggers(req);
  const kind = triggers.imco_kind;
  if (!kind) {
    return failure(`${source} is not the lifecycle resource of an IMCO object (no imco_kind in its triggers; a _sync, prune or action resource?): move the resource without the suffix, or remove the moved block`);
  }
  if (kind !== model.kind.kind) return failure(`${source} holds an IMCO ${kind.replace(/_/g, ' ')}, not a ${model.kind.title}: move it to imco_${kind}`);
  const ref = parseRef(triggers.imco_self);
  if (!ref) return failure(`${source}: its imco_self trigger is not an object reference; apply the stack with the provisioner flavour once, then move`);
  const known: Record<string, string> = {};
  // Fingerprints the lifecycle resource keeps: non-updatable secrets, a cookbook's archive digest.
  for (const s of model.secrets) if (triggers[s.name]) known[secretAttr.version(s.name)] = triggers[s.name];
  if (triggers.archive_sha256) known.archive_sha256 = triggers.archive_sha256;
  const targetState: TfObject = { timeouts: null };
  for (const a of model.schema.attributes) targetState[a.name] = null;
  Object.assign(targetState, known);
  const pending: PendingMove = { from: req.sourceTypeName, ref, endpoint: triggers.imco_endpoint ?? '', known };
  return { targetState, targetPrivate: encodePendingMove(pending) };
}

/** ReadResource of a state a move left without id: the object found in IMCO, its state completed. */
export async function completeMove(model: KindModel, pending: PendingMove, session: Session, call: CallContext): Promise<ReadResponse> {
  const { ref } = pending;
  const api = await session.api();
  if (pending.endpoint && pending.endpoint !== api.endpoint) {
    return { newState: null, diagnostics: [{ severity: 'error', summary: `${describeRef(ref)} lives on ${pending.endpoint}, but the provider is configured for ${api.endpoint}: point the provider at ${pending.endpoint}` }] };
  }
  const identity = session.identity();
  const label = ownLabelOf(identity, ref);
  const resolver = new Resolver(api, label?.name, identity);
  const live = await resolver.find(ref);
  if (!live) {
    throw new BridgeError(
      `${describeRef(ref)} (moved from ${pending.from}) was not found in IMCO: deleted outside Terraform, or the provider's stack (${identity.stack}) ` +
        `or stack_instance differ from the provisioner flavour's; fix the provider block, or forget it (terraform state rm ${model.typeName}.<name>) and apply: the provider creates it`,
    );
  }
  call.log(`took over ${describeRef(ref)} ${live.id} from ${pending.from}`);
  const known: TfObject = { ...pending.known, endpoint: api.endpoint };
  if (model.kind.labelable && label) known.owner = label.name;
  if (model.kind.parent && model.parentField) known[model.parentField] = (await resolver.parentParams(ref))?.[model.kind.parent.param] ?? null;
  // Empty private data: the move is complete.
  return { newState: stateFromLive(model, live, known, api.endpoint), private: new Uint8Array() };
}
