// Convergence checks against the emulator's platform state: every declared object exists exactly
// once (labelable kinds by their ownership label, the others by their natural key in their parent),
// every ownership label of the stack exists once and sits on exactly one object, template scripts
// and attachments are not duplicated, and no user object is left that the stack does not account for.
import { kindSpec } from '../../../lib/catalog';
import { OWNER_NAMESPACE, type ObjectRef } from '../../../lib/spec/spec';
import type { RunningEmulator } from '../../../lib/emulator';
import type { Declared } from './estate';

type Obj = Record<string, unknown>;
type Snapshot = Record<string, Obj[]>;

export interface Convergence {
  /** Human-readable problems; empty when the platform matches the declaration exactly. */
  readonly problems: string[];
  /** Declared objects found, by construct path. */
  readonly found: Record<string, string>;
  /** Ownership labels of the stack, and on how many objects each one sits. */
  readonly labels: Record<string, number>;
}

function labelsOf(o: Obj): string[] {
  return Array.isArray(o.label_ids) ? (o.label_ids as unknown[]).map(String) : [];
}

/** Ownership key (ref.owner) → ownership label name, of the declared objects being checked. */
let labelNameOfKey = new Map<string, string>();

/** Live objects matching a ref (not an error when there are several: the caller counts). */
function matches(s: Snapshot, ref: ObjectRef, ownerLabels: Map<string, string>): Obj[] {
  const spec = kindSpec(ref.kind);
  let candidates = s[ref.kind] ?? [];
  if (ref.id) return candidates.filter((o) => String(o.id) === ref.id);
  if (ref.parent) {
    const parents = matches(s, ref.parent, ownerLabels);
    if (parents.length !== 1) return [];
    const field = spec.parent?.field ?? `${ref.parent.kind}_id`;
    candidates = candidates.filter((o) => String(o[field]) === String(parents[0].id));
  }
  if (ref.owner) {
    // ref.owner is the construct's ownership key; its label's name is the declared object's ownerLabel.
    const labelId = ownerLabels.get(labelNameOfKey.get(ref.owner) ?? ref.owner);
    return labelId ? candidates.filter((o) => labelsOf(o).includes(labelId)) : [];
  }
  if (ref.natural) {
    const natural = ref.natural;
    return candidates.filter((o) => Object.entries(natural).every(([k, v]) => String(o[k]) === v));
  }
  return candidates; // a singleton of its parent (the VPC's VPN)
}

/** Compares the emulator's platform with what the stack(s) `stackName` declare (`declared`: all their objects). */
export function convergence(emulator: RunningEmulator, stackName: string | readonly string[], declared: readonly Declared[]): Convergence {
  const s = emulator.snapshot() as Snapshot;
  const problems: string[] = [];
  labelNameOfKey = new Map(declared.filter((d) => d.owner && d.ref.owner).map((d) => [d.ref.owner as string, d.owner as string]));
  const prefixes = (typeof stackName === 'string' ? [stackName] : stackName).map((n) => `${n}.`);
  const ours = (s.label ?? []).filter((l) => l.namespace === OWNER_NAMESPACE && prefixes.some((p) => String(l.name).startsWith(p)));
  const ownerLabels = new Map<string, string>();
  for (const l of ours) {
    if (ownerLabels.has(String(l.name))) problems.push(`ownership label '${String(l.name)}' exists more than once`);
    ownerLabels.set(String(l.name), String(l.id));
  }
  const expectedOwners = new Set(declared.filter((d) => d.owner).map((d) => d.owner as string));
  for (const name of ownerLabels.keys()) if (!expectedOwners.has(name)) problems.push(`ownership label '${name}' belongs to no declared object (orphaned)`);

  // Where each of our labels sits.
  const labels: Record<string, number> = {};
  const everything = Object.entries(s).flatMap(([kind, list]) => (kind === 'label' || kind === 'event' ? [] : list.map((o) => ({ kind, o }))));
  for (const [name, id] of ownerLabels) {
    const carriers = everything.filter(({ o }) => labelsOf(o).includes(id));
    labels[name] = carriers.length;
    if (carriers.length !== 1) problems.push(`ownership label '${name}' sits on ${carriers.length} objects (${carriers.map((c) => `${c.kind} ${String(c.o.id)}`).join(', ') || 'none'})`);
  }

  // Each declared object exactly once.
  const found: Record<string, string> = {};
  const accounted = new Set<string>();
  for (const d of declared) {
    if (d.owner && !ownerLabels.has(d.owner)) {
      problems.push(`${d.kind} '${d.path}': its ownership label '${d.owner}' does not exist`);
      continue;
    }
    const live = matches(s, d.ref, ownerLabels);
    if (live.length !== 1) {
      problems.push(`${d.kind} '${d.path}' exists ${live.length} times`);
      continue;
    }
    found[d.path] = String(live[0].id);
    accounted.add(`${d.kind}:${String(live[0].id)}`);
  }

  // Children and members: template scripts, attachments, server array members.
  const byId = (kind: string, id: string) => (s[kind] ?? []).find((o) => String(o.id) === id);
  for (const ts of s.template_script ?? []) {
    if (byId('template', String(ts.template_id)) && accounted.has(`template:${String(ts.template_id)}`)) accounted.add(`template_script:${String(ts.id)}`);
  }
  for (const a of s.attachment ?? []) {
    if (accounted.has(`script:${String(a.script_id)}`)) accounted.add(`attachment:${String(a.id)}`);
  }
  for (const m of s.server ?? []) {
    if (m.server_array_id && accounted.has(`server_array:${String(m.server_array_id)}`)) accounted.add(`server:${String(m.id)}`);
  }
  // No duplicated template scripts (same template, type, script, position) or attachments (same script and name).
  const dupes = (kind: string, key: (o: Obj) => string) => {
    const seen = new Map<string, number>();
    for (const o of s[kind] ?? []) seen.set(key(o), (seen.get(key(o)) ?? 0) + 1);
    for (const [k, n] of seen) if (n > 1) problems.push(`${kind} ${k} exists ${n} times`);
  };
  dupes('template_script', (o) => `${String(o.template_id)}/${String(o.type)}/${String(o.script_id)}/${String(o.execution_order)}`);
  dupes('attachment', (o) => `${String(o.script_id)}/${String(o.name)}`);

  for (const u of emulator.userObjects()) {
    if (!accounted.has(`${u.kind}:${u.id}`)) problems.push(`${u.kind} ${u.id}${u.name ? ` '${u.name}'` : ''} (${u.state ?? 'no state'}) is not accounted for by the stack (orphan or duplicate)`);
  }
  return { problems, found, labels };
}

/** Objects that are not part of the seeded platform (after a destroy: should be none). */
export function leftovers(emulator: RunningEmulator): string[] {
  return emulator.userObjects().map((u) => `${u.kind} ${u.id}${u.name ? ` '${u.name}'` : ''} (${u.state ?? 'no state'})`);
}

/** Non-GET requests in the journal (what changed the platform), from line `from`. */
export function journalWrites(journalText: string, from = 0): { method: string; path: string; status: number; fault?: string }[] {
  return journalText
    .split('\n')
    .slice(from)
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { method: string; path: string; status: number; fault?: string })
    .filter((e) => e.method !== 'GET');
}
