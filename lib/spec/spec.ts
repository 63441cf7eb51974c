// The bridge contract: what a construct hands to `imco-bridge` through a provisioner's environment.
// Constructs (cdktf side) produce these objects; handlers (runtime side) consume them. Pure data:
// no cdktf, no I/O. Secrets appear only as references (env var or file) plus a fingerprint.

/** Environment variable that carries the JSON-encoded spec to `imco-bridge`. */
export const SPEC_ENV = 'IMCO_BRIDGE_SPEC';
/** Environment variable with the Terraform id a create handler marks as created (or an action checks). */
export const TF_ID_ENV = 'IMCO_BRIDGE_TF_ID';
/** Environment variable with a lifecycle resource's triggers, for the destroy-time handler. */
export const TRIGGERS_ENV = 'IMCO_BRIDGE_TRIGGERS';
/** Set by the bridge server (lib/cli/bridge-server.ts): the Terraform run (`<pid>:<start time>`) an invocation belongs to. */
export const RUN_ID_ENV = 'IMCO_BRIDGE_RUN_ID';
/** Version of the spec format; handlers refuse other versions with a message to re-synthesize. */
export const SPEC_VERSION = 1;
export { OWNER_NAMESPACE } from './identity';
/** Environment variable with the stack instance id, for the handlers that have no spec (delete, prune). */
export const STACK_INSTANCE_ENV = 'IMCO_STACK_INSTANCE';

/** How a handler finds a managed object in IMCO without local state (design brief §3). */
export interface ObjectRef {
  readonly kind: string;
  /**
   * Ownership key, for labelable kinds: the construct's label name of earlier versions
   * (`legacyOwnerLabelName`), unique within its stack. The label itself comes from the spec's
   * instance, its stack and this ref's `path` (`ownershipLabel`).
   */
  readonly owner?: string;
  /**
   * The exact ownership label name, where the spec gives it instead of deriving it from `path`:
   * the native provider's `owner` attribute. With the spec's stack instance it is this stack's label.
   */
  readonly label?: string;
  /** The parent object, for kinds that live inside another (subnet, VPN, template script). */
  readonly parent?: ObjectRef;
  /** Natural key fields inside the parent, for non-labelable kinds (e.g. `{ cidr }`). */
  readonly natural?: Readonly<Record<string, string>>;
  /** A fixed IMCO id: read-only catalogue entries resolved at synth time, or an imported object. */
  readonly id?: string;
  /** Construct path, for messages. */
  readonly path?: string;
}

/** A secret given by reference. Only the fingerprint is ever written to Terraform. */
export interface SecretRef {
  readonly env?: string;
  readonly file?: string;
  /** `json`: the secret text is a JSON object (SaaS account data). */
  readonly format?: 'text' | 'json';
}

/** A desired field value: a literal, a reference to another object's id, or a secret. */
export type SpecValue =
  | string
  | number
  | boolean
  | null
  | readonly SpecValue[]
  | { readonly $ref: ObjectRef }
  | { readonly $secret: SecretRef }
  | { readonly [key: string]: SpecValue };

/** Desired template script (template boot/operational/shutdown lists), in order. */
export interface TemplateScriptSpec {
  readonly script: { readonly $ref: ObjectRef };
  readonly parameterValues: Readonly<Record<string, string>>;
}

/** A file to upload (script attachment, cookbook archive); the digest makes content changes visible. */
export interface FileSpec {
  readonly name: string;
  readonly path: string;
  readonly sha256: string;
}

/** Kind-specific desired state beyond the wire fields of create/update. */
export interface SpecExtras {
  /** Servers and server arrays: the declared power state. */
  readonly power?: 'operational' | 'inactive';
  /** Server arrays: number of member servers (grows with enlarge). */
  readonly size?: number;
  /** Templates: scripts per type, in execution order. */
  readonly scripts?: Readonly<Record<'boot' | 'operational' | 'shutdown', readonly TemplateScriptSpec[]>>;
  /** Templates: compile after create/update and wait for `ready`. */
  readonly compile?: boolean;
  /** Scripts: attachments uploaded from local files. */
  readonly attachments?: readonly FileSpec[];
  /** Cookbook versions: the archive to upload and process. */
  readonly archive?: FileSpec;
  /** Volumes and floating IPs: the server to attach to (null = detached). */
  readonly attachTo?: { readonly $ref: ObjectRef } | null;
}

/** Everything one handler invocation needs. */
export interface BridgeSpec {
  readonly version: number;
  readonly kind: string;
  readonly stack: string;
  /**
   * The stack instance id (lib/synth/stack-identity.ts): with `stack` and a ref's `path` it gives
   * the ref's ownership label (lib/spec/identity.ts). Absent in specs of earlier versions.
   */
  readonly instance?: string;
  /** Construct path (without the stack), for messages and `imco-bridge import`. */
  readonly path: string;
  /** Endpoint the stack targets; handlers refuse to act on another one. */
  readonly endpoint: string;
  readonly self: ObjectRef;
  /** Desired wire fields (create body, minus label_ids which the handler adds). */
  readonly fields: Readonly<Record<string, SpecValue>>;
  readonly extras: SpecExtras;
  /** Seconds to wait for the object to settle (per-kind default from the catalog). */
  readonly timeoutSeconds: number;
  /** Imperative action of an action resource (reboot, execute an operational script). */
  readonly action?: { readonly name: 'reboot' } | { readonly name: 'execute'; readonly script: { readonly $ref: ObjectRef } };
}

export function isRef(v: unknown): v is { $ref: ObjectRef } {
  return typeof v === 'object' && v !== null && '$ref' in v;
}

export function isSecret(v: unknown): v is { $secret: SecretRef } {
  return typeof v === 'object' && v !== null && '$secret' in v;
}

/** Parses and checks a spec from the environment; errors say how to fix the stack. */
export function parseSpec(text: string | undefined): BridgeSpec {
  if (!text) {
    throw new Error(`${SPEC_ENV} is not set: imco-bridge create/update/delete are run by Terraform provisioners; run 'terraform apply' on a synthesized stack`);
  }
  let spec: BridgeSpec;
  try {
    spec = JSON.parse(text) as BridgeSpec;
  } catch {
    throw new Error(`${SPEC_ENV} is not valid JSON: re-synthesize the stack (cdktf synth / npm start)`);
  }
  if (spec.version !== SPEC_VERSION) {
    throw new Error(`spec version ${String(spec.version)} is not supported by this imco-bridge (expects ${SPEC_VERSION}): re-synthesize the stack with this version of imco-cdktf`);
  }
  if (!spec.kind || !spec.self || !spec.path) {
    throw new Error(`${SPEC_ENV} lacks kind/self/path: re-synthesize the stack`);
  }
  return spec;
}
