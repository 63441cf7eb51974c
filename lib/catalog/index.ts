// Catalog entry point: lookup helpers over the kind descriptions and the endpoint table.
import { KINDS, onKindRegistered } from './kinds';
import type { KindSpec } from './types';

export * from './types';
export * from './endpoints';
export { KINDS, registerKind, onKindRegistered } from './kinds';
export { SERVER_STATES, serverLifecycle, provisionedLifecycle } from './lifecycles';
export { SUBNET_TYPES } from '../kinds/subnet/catalog';
export { TEMPLATE_SCRIPT_TYPES } from '../kinds/template-script/catalog';
export { FIREWALL_RULE_FIELDS, FIREWALL_PROTOCOLS, PORT_RANGE } from '../kinds/firewall-profile/rule';

const byKind = new Map(KINDS.map((k) => [k.kind, k]));
onKindRegistered((spec) => byKind.set(spec.kind, spec));

/** The catalog entry of a kind; throws naming the known kinds when it is unknown. */
export function kindSpec(kind: string): KindSpec {
  const spec = byKind.get(kind);
  if (!spec) throw new Error(`unknown IMCO kind '${kind}' (known: ${[...byKind.keys()].join(', ')})`);
  return spec;
}

/** Kinds that users create and manage (not read-only catalogues, not labels). */
export function managedKinds(): KindSpec[] {
  return KINDS.filter((k) => k.operations.includes('create') && k.kind !== 'label');
}

/** Labelable resource types (API reference §2.2), as the label endpoints spell them. */
export function labelableResourceTypes(): string[] {
  return KINDS.filter((k) => k.labelable).map((k) => k.resourceType);
}

export { constructKinds, deleteOrder, growsInPlace, hasPowerState, uploadKinds } from './order';

/** The label kind: ownership and run labels are objects of it. */
export const LABEL_KIND = 'label';
/** The audit event kind (the emulator's audit log, not a store). */
export const AUDIT_EVENT_KIND = 'event';
