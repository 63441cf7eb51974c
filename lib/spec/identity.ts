// Ownership identity: the label that ties an IMCO object to one construct of one stack *instance*.
// Shared by constructs (which compute it at synth), handlers (which find objects by it) and the
// native provider (which fills a resource's `owner` attribute with its name).
//
// A label has a name (unique per namespace in IMCO), a namespace and a value. An ownership label is
//   namespace `imco-cdktf`, value `<instance> <stack>` (the stack instance), name
//   `<stack>.<path with / as .>-<digest>` (readable part cut to fit 100 characters; the digest is
//   of the exact instance, stack and path), so neither `prod` + `web/fw` vs `prod.web` + `fw` nor
//   two repositories that both name their stack `prod` can ever produce the same label.
// Labels of earlier versions (`<stack>.<path>`, no value: `legacyOwnerLabelName`) are still
// recognised by the handlers for objects the stack's state already holds (lib/handlers/resolver.ts).
import { createHash } from 'node:crypto';

/** Characters IMCO allows in label names (API reference §8). */
const LABEL_NAME_OK = /^[A-Za-z0-9 ._-]+$/;
const MAX_LABEL_NAME = 100;
/** Hex digits of the digest that makes a label name unique (64 bits). */
const DIGEST_CHARS = 16;
/** Label namespace of ownership labels (namespaced labels are "internal" for IMCO tools). */
export const OWNER_NAMESPACE = 'imco-cdktf';
/** What a stack instance id may look like: 8 to 40 letters, digits, `_` or `-`. */
export const STACK_INSTANCE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{7,39}$/;

/** True when IMCO accepts `name` as a label name. */
export function isValidLabelName(name: string): boolean {
  return name.length > 0 && name.length <= MAX_LABEL_NAME && LABEL_NAME_OK.test(name);
}

/** The construct an ownership label stands for. */
export interface OwnerIdentity {
  /** The stack instance id (from `imco.identity.json`, see lib/synth/stack-identity.ts). */
  readonly instance: string;
  /** The stack's name (its construct id). */
  readonly stack: string;
  /** The construct path relative to the stack, `/`-separated. */
  readonly path: string;
}

/** An ownership label as IMCO stores it. */
export interface OwnershipLabel {
  readonly name: string;
  readonly namespace: string;
  readonly value: string;
}

const digest = (parts: readonly string[], chars: number): string =>
  createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, chars);

const cleaned = (text: string): string => text.replace(/[^A-Za-z0-9 ._-]/g, '_');

/**
 * The ownership label of the construct at `path` in stack `stack` of stack instance `instance`.
 * Deterministic: the constructs (at synth), the handlers and the native provider compute the same.
 */
export function ownershipLabel(identity: OwnerIdentity): OwnershipLabel {
  const { instance, stack, path } = identity;
  if (!STACK_INSTANCE_ID.test(instance)) throw new Error(`stack instance id '${instance}' is not 8–40 letters, digits, '_' or '-'`);
  const readable = cleaned(`${stack}.${path.split('/').join('.')}`).slice(0, MAX_LABEL_NAME - DIGEST_CHARS - 1);
  return {
    name: `${readable}-${digest(['owner', instance, stack, path], DIGEST_CHARS)}`,
    namespace: OWNER_NAMESPACE,
    value: stackInstanceTag(instance, stack),
  };
}

/**
 * The value every ownership label of one stack instance carries: `<instance> <stack>` (the stack
 * name cut and followed by a digest when it has characters labels refuse or is long).
 */
export function stackInstanceTag(instance: string, stack: string): string {
  const clean = cleaned(stack);
  if (clean === stack && stack.length <= 60) return `${instance} ${stack}`;
  return `${instance} ${clean.slice(0, 48)}-${digest(['stack', stack], 10)}`;
}

/** The stack instance id and stack name a label value names, when it is an ownership label's. */
export function parseStackInstanceTag(value: unknown): { instance: string; stack: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const space = value.indexOf(' ');
  if (space < 0) return undefined;
  const instance = value.slice(0, space);
  return STACK_INSTANCE_ID.test(instance) ? { instance, stack: value.slice(space + 1) } : undefined;
}

/**
 * The ownership label name of earlier versions (no stack instance): `<stack>.<path with / as .>`.
 * Ambiguous across stacks (`prod` + `web/fw` and `prod.web` + `fw` give `prod.web.fw`), so it only
 * identifies objects a stack's state already holds, and is the ownership *key* of a construct
 * within its stack (`ObjectRef.owner`: unchanged, so nothing is replaced on upgrade).
 * Characters IMCO does not allow become `_`; whenever that (or truncation) could make two
 * constructs collide, a short digest of the exact stack/path is appended.
 */
export function legacyOwnerLabelName(stack: string, path: string): string {
  const exact = `${stack}/${path}`;
  const readable = `${stack}.${path.split('/').join('.')}`;
  const clean = cleaned(readable);
  if (clean === readable && clean.length <= MAX_LABEL_NAME) return clean;
  const d = createHash('sha256').update(exact).digest('hex').slice(0, 10);
  return `${clean.slice(0, MAX_LABEL_NAME - 11)}-${d}`;
}

/** @deprecated the label name of earlier versions; use `ownershipLabel`. Kept as the construct's ownership key. */
export const ownerLabelName = legacyOwnerLabelName;
