// Orders and groups of kinds derived from the catalog: the kinds users declare, the order in which
// removed objects are deleted (users of an object before the object), the kinds that take uploads,
// the kinds with a power state or an in-place size.
import { KINDS } from './kinds';
import type { KindSpec } from './types';

/** Kinds users declare with a construct of their own, in catalog order. */
export function constructKinds(): KindSpec[] {
  return KINDS.filter((k) => k.construct);
}

/** The kinds a kind's objects refer to: its parent and its fields' references, also those of its parts (a template's scripts). */
function usedKinds(spec: KindSpec): Set<string> {
  const parts = KINDS.filter((k) => k.parent?.kind === spec.kind && !k.construct);
  const used = new Set<string>();
  for (const k of [spec, ...parts]) {
    for (const f of k.createFields) if (f.ref) used.add(f.ref);
  }
  if (spec.parent) used.add(spec.parent.kind);
  used.delete(spec.kind);
  return used;
}

/**
 * Constructible kinds in the order removed objects are deleted: every kind comes before the kinds
 * it refers to (servers before their subnets, templates before their scripts, subnets before VPCs).
 * Among kinds that are free at the same time, those that refer to other kinds go first (freeing
 * them early), then catalog order.
 */
export function deleteOrder(): string[] {
  const kinds = constructKinds();
  const names = new Set(kinds.map((k) => k.kind));
  const users = new Map(kinds.map((k) => [k.kind, 0]));
  for (const k of kinds) for (const u of usedKinds(k)) if (names.has(u)) users.set(u, users.get(u)! + 1);
  const order: string[] = [];
  const pending = [...kinds];
  const usesOthers = (k: KindSpec) => [...usedKinds(k)].some((u) => names.has(u));
  while (pending.length > 0) {
    const free = pending.filter((k) => users.get(k.kind) === 0);
    const pick = free.find(usesOthers) ?? free[0];
    const i = pick ? pending.indexOf(pick) : -1;
    if (i < 0) throw new Error(`the catalog's references form a cycle among ${pending.map((k) => k.kind).join(', ')}`);
    const [next] = pending.splice(i, 1);
    order.push(next.kind);
    for (const u of usedKinds(next)) if (users.has(u)) users.set(u, users.get(u)! - 1);
  }
  return order;
}

/** Kinds whose objects take a file upload (their answers carry an `upload_url`). */
export function uploadKinds(): KindSpec[] {
  return KINDS.filter((k) => k.responseFields.includes('upload_url'));
}

/** Kinds with a power state users declare: they boot and shut down (servers, server arrays). */
export function hasPowerState(spec: KindSpec): boolean {
  const actions = new Set((spec.actions ?? []).map((a) => a.name));
  return actions.has('boot') && actions.has('shutdown');
}

/** Kinds whose `size` grows in place through an `enlarge` action (server arrays). */
export function growsInPlace(spec: KindSpec): boolean {
  return (spec.actions ?? []).some((a) => a.name === 'enlarge');
}
