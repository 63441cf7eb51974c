// The short form of a saved Terraform plan that `npm start` prints instead of the full plan: counts,
// then one line per object (`+ firewall_profile shop-web`, `~ vpc shop (name)`, `-/+ subnet
// shop-public (cidr)`, `- volume shop-db-data`), read from `terraform show -json <plan>`, which is
// where create, update and replace are told apart and the changed attribute names are found.

/** One entry of `resource_changes` in Terraform's JSON plan (the fields used here). */
interface ResourceChange {
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly mode?: string;
  readonly previous_address?: string;
  readonly change: {
    readonly actions: readonly string[];
    readonly before?: Record<string, unknown> | null;
    readonly after?: Record<string, unknown> | null;
    readonly after_unknown?: Record<string, unknown>;
    readonly replace_paths?: readonly (readonly (string | number)[])[];
  };
}

export type ChangeSymbol = '+' | '~' | '-/+' | '-' | '->';

/** A planned change of one object, as the summary shows it. */
export interface PlannedChange {
  readonly symbol: ChangeSymbol;
  readonly address: string;
  /** `vpc`, `firewall_profile`, … (the resource type without `imco_`). */
  readonly kind: string;
  /** The IMCO name, else the resource's name in the stack. */
  readonly name: string;
  /** Top-level attributes that change (updates and replacements). */
  readonly attributes: readonly string[];
  /** The address it was moved from (`moved` blocks). */
  readonly movedFrom?: string;
  /** A provisioner flavour's `X_sync` whose object `X` has its own line: counted, not shown. */
  readonly withItsObject?: boolean;
}

function symbolOf(actions: readonly string[], moved: boolean): ChangeSymbol | undefined {
  const key = [...actions].sort().join(',');
  if (key === 'create') return '+';
  if (key === 'update') return '~';
  if (key === 'create,delete') return '-/+';
  if (key === 'delete') return '-';
  if (key === 'no-op' && moved) return '->';
  return undefined;
}

function changedAttributes(rc: ResourceChange): string[] {
  const { before, after, after_unknown: unknown, replace_paths: replacing } = rc.change;
  const names = new Set<string>();
  const b = before ?? {};
  const a = after ?? {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (unknown?.[key] === true && b[key] !== undefined) names.add(key);
    else if (!(key in (unknown ?? {})) && JSON.stringify(b[key] ?? null) !== JSON.stringify(a[key] ?? null)) names.add(key);
  }
  // A replacement: the attributes that force it, as Terraform names them (the rest is recomputed).
  const forcing = [...new Set((replacing ?? []).map((p) => String(p[0])))];
  if (forcing.length > 0) return forcing;
  return [...names].filter((n) => n !== 'timeouts' && n !== 'id').sort();
}

/** Resource types of the provisioner flavours: an object `X` is `X` (lifecycle) and `X_sync`. */
const PROVISIONER_TYPES = ['terraform_data', 'null_resource'];

function triggersOf(values: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const t = values?.triggers_replace ?? values?.triggers;
  return t !== null && typeof t === 'object' ? (t as Record<string, unknown>) : {};
}

/** Provisioner flavours: each object's kind (lifecycle triggers) and IMCO name (`_sync` triggers), by `X`. */
function provisionerObjects(changes: readonly ResourceChange[]): Map<string, { kind?: string; name?: string }> {
  const objects = new Map<string, { kind?: string; name?: string }>();
  for (const rc of changes.filter((c) => PROVISIONER_TYPES.includes(c.type))) {
    const t = triggersOf(rc.change.after ?? rc.change.before);
    const base = rc.name.replace(/_sync$/, '');
    const entry = objects.get(base) ?? {};
    if (typeof t.imco_kind === 'string') entry.kind = t.imco_kind;
    if (rc.name !== base && typeof t.name === 'string' && t.name !== '') entry.name = t.name;
    objects.set(base, entry);
  }
  return objects;
}

/** A provisioner resource's change: which of its triggers change (the object's properties). */
function changedTriggers(rc: ResourceChange): string[] {
  const before = triggersOf(rc.change.before);
  const after = triggersOf(rc.change.after);
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => k !== 'imco_lifecycle' && JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
    .sort();
}

/** The object-level changes of a plan (`terraform show -json`), in Terraform's order. */
export function plannedChanges(plan: unknown): PlannedChange[] {
  const changes = ((plan as { resource_changes?: ResourceChange[] } | null)?.resource_changes ?? []).filter((rc) => rc.mode !== 'data');
  const provisioned = provisionerObjects(changes);
  const out: PlannedChange[] = [];
  for (const rc of changes) {
    const moved = !!rc.previous_address && rc.previous_address !== rc.address;
    const symbol = symbolOf(rc.change.actions, moved);
    if (!symbol) continue;
    const values = rc.change.after ?? rc.change.before ?? {};
    const imcoName = typeof values.name === 'string' && values.name !== '' ? values.name : undefined;
    const object = PROVISIONER_TYPES.includes(rc.type) ? provisioned.get(rc.name.replace(/_sync$/, '')) : undefined;
    const changing = symbol === '~' || symbol === '-/+';
    out.push({
      symbol,
      address: rc.address,
      kind: object?.kind ?? rc.type.replace(/^imco_/, ''),
      name: object?.kind ? (object.name ?? rc.name) : (imcoName ?? rc.name),
      attributes: changing ? (PROVISIONER_TYPES.includes(rc.type) ? changedTriggers(rc) : changedAttributes(rc)) : [],
      ...(moved ? { movedFrom: rc.previous_address } : {}),
    });
  }
  // One line per object: an `X_sync` changing with its lifecycle resource `X` goes with X's line.
  const lifecycles = new Set(out.filter((c) => provisioned.get(c.address.split('.')[1] ?? '')?.kind && !c.address.endsWith('_sync')).map((c) => c.address));
  return out.map((c) => (c.address.endsWith('_sync') && lifecycles.has(c.address.replace(/_sync$/, '')) ? { ...c, withItsObject: true } : c));
}

/** The changes the summary shows, one per object. */
export function shownChanges(changes: readonly PlannedChange[]): PlannedChange[] {
  return changes.filter((c) => !c.withItsObject);
}

/** `plan: 3 to create, 1 to update, 1 to replace, 0 to delete` (and moves, when there are). */
export function countsLine(all: readonly PlannedChange[]): string {
  const changes = shownChanges(all);
  const count = (s: ChangeSymbol) => changes.filter((c) => c.symbol === s).length;
  const moved = changes.filter((c) => c.movedFrom).length;
  const parts = [`${count('+')} to create`, `${count('~')} to update`, `${count('-/+')} to replace`, `${count('-')} to delete`];
  if (moved > 0) parts.push(`${moved} moved`);
  return `plan: ${parts.join(', ')}`;
}

/** One line per object: `+ firewall_profile shop-web`, `~ vpc shop (name)`, `-> vpc shop (moved from …)`. */
export function changeLine(c: PlannedChange): string {
  const notes: string[] = [];
  if (c.attributes.length > 0) notes.push(c.attributes.join(', '));
  if (c.movedFrom) notes.push(`moved from ${c.movedFrom}`);
  return `${c.symbol} ${c.kind} ${c.name}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
}
