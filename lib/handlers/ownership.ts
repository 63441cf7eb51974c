// Whose is an ownership label? The handlers' side of lib/spec/identity.ts: the stack instance an
// invocation acts for, the label a ref is owned by, and how a label found on an object relates to
// this stack instance (its own, another construct of it, another stack instance, or a label of an
// earlier version that proves no instance).
import { OWNER_NAMESPACE, ownershipLabel, parseStackInstanceTag, stackInstanceTag, type OwnershipLabel } from '../spec/identity';
import { STACK_INSTANCE_ENV, type BridgeSpec, type ObjectRef } from '../spec/spec';
import type { LiveObject } from './api';
import type { Environment } from './invocation';

/** The stack instance an invocation acts for; `instance` is absent for specs of earlier versions. */
export interface StackIdentity {
  readonly stack: string;
  readonly instance?: string;
}

/** The stack instance of a spec (a delete or prune has it from the provisioner's environment). */
export function identityOf(spec: Pick<BridgeSpec, 'stack' | 'instance'>, env: Environment = process.env): StackIdentity {
  const instance = spec.instance || env[STACK_INSTANCE_ENV] || undefined;
  return { stack: spec.stack, instance };
}

/** The ownership label a ref's object carries: this instance's label, or (no instance) the legacy one. */
export function ownLabelOf(identity: StackIdentity, ref: ObjectRef): OwnershipLabel | undefined {
  if (ref.label) {
    const value = identity.instance ? stackInstanceTag(identity.instance, identity.stack) : '';
    return { name: ref.label, namespace: OWNER_NAMESPACE, value };
  }
  if (!ref.owner) return undefined;
  if (identity.instance && ref.path !== undefined) {
    return ownershipLabel({ instance: identity.instance, stack: identity.stack, path: ref.path });
  }
  return { name: ref.owner, namespace: OWNER_NAMESPACE, value: '' };
}

/** Every label name that may mark a ref's object as owned by this stack: its own, and the legacy one. */
export function ownerLabelNamesOf(identity: StackIdentity, ref: ObjectRef): string[] {
  const own = ownLabelOf(identity, ref);
  return [...new Set([own?.name, ref.owner].filter((n): n is string => !!n))];
}

/** True for an ownership label of an earlier version (no stack instance in its value). */
export function isLegacyOwnerLabel(label: LiveObject): boolean {
  return label.namespace === OWNER_NAMESPACE && !parseStackInstanceTag(label.value);
}

export type OwnerRelation = 'this-instance' | 'other-instance' | 'legacy-this-stack' | 'legacy-other-stack';

/** How an ownership label relates to this stack instance. */
export function relationOf(identity: StackIdentity, label: LiveObject): OwnerRelation {
  const tag = parseStackInstanceTag(label.value);
  if (tag) return identity.instance && label.value === stackInstanceTag(identity.instance, identity.stack) ? 'this-instance' : 'other-instance';
  return String(label.name).startsWith(`${identity.stack}.`) ? 'legacy-this-stack' : 'legacy-other-stack';
}

/** `stack 'prod' of stack instance 3f9a…` (or what an earlier version's label tells). */
export function describeOwner(label: LiveObject): string {
  const tag = parseStackInstanceTag(label.value);
  if (tag) return `stack '${tag.stack}' of stack instance ${tag.instance} (ownership label '${String(label.name)}')`;
  return `the ownership label '${String(label.name)}' of an earlier imco-cdktf version (it names no stack instance)`;
}

/** `stack 'prod' of stack instance 3f9a…`: this invocation's stack. */
export function describeIdentity(identity: StackIdentity): string {
  return identity.instance ? `stack '${identity.stack}' of stack instance ${identity.instance}` : `stack '${identity.stack}'`;
}
