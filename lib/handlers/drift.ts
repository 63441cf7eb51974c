// Drift: compares the synthesized desired state with the live API. Costs one list call per kind
// and parent (plus the labels list, and a show only where a listing is slimmer than the object).
import { createHash } from 'node:crypto';
import { OWNER_NAMESPACE, isSecret, type BridgeSpec } from '../spec/spec';
import { growsInPlace, hasPowerState, kindSpec } from '../catalog';
import type { BridgeApi, LiveObject } from './api';
import { sameValue } from './compare';
import { identityOf, isLegacyOwnerLabel, ownerLabelNamesOf, relationOf } from './ownership';
import { Resolver } from './resolver';

export interface FieldDrift {
  readonly field: string;
  readonly desired: unknown;
  readonly live: unknown;
}

export interface ObjectDrift {
  readonly path: string;
  readonly kind: string;
  /** The object's IMCO name: as declared, else as IMCO has it (kinds without a name: absent). */
  readonly name?: string;
  readonly id?: string;
  /**
   * `drifted`: fields differ; `missing`: declared but not in IMCO; `unmanaged`: owned by this stack instance but no longer declared;
   * `tainted`: in IMCO, but its Terraform resource is tainted (`fields` still lists any drift).
   */
  readonly status: 'in_sync' | 'drifted' | 'missing' | 'unmanaged' | 'tainted';
  readonly fields: readonly FieldDrift[];
  /** The tainted Terraform resource (status `tainted`). */
  readonly tainted?: string;
}

export interface DriftReport {
  readonly stack: string;
  readonly objects: readonly ObjectDrift[];
  readonly drifted: boolean;
}

function liveExtras(spec: BridgeSpec, live: LiveObject, attachTo: string | null | undefined): FieldDrift[] {
  const out: FieldDrift[] = [];
  const { power, size } = spec.extras;
  const kind = kindSpec(spec.kind);
  if (power && hasPowerState(kind) && live.state !== power) {
    out.push({ field: 'power state', desired: power, live: live.state });
  }
  if (growsInPlace(kind) && size !== undefined && Number(live.size) !== size) {
    out.push({ field: 'size', desired: size, live: live.size });
  }
  if (attachTo !== undefined && (live.attached_server_id ?? null) !== attachTo) {
    out.push({ field: 'attached_server_id', desired: attachTo, live: live.attached_server_id ?? null });
  }
  return out;
}

/** Compares one object; `resolver` caches lists so the whole stack costs one list per kind and parent. */
/** The name an object goes by in IMCO: the declared one, else the live one. */
function nameOf(spec: BridgeSpec | undefined, live: LiveObject | undefined): { name?: string } {
  const field = spec ? kindSpec(spec.kind).nameField : undefined;
  const declared = spec && field ? spec.fields[field] : undefined;
  const name = typeof declared === 'string' && declared !== '' ? declared : typeof live?.name === 'string' && live.name !== '' ? live.name : undefined;
  return name === undefined ? {} : { name };
}

async function compareObject(api: BridgeApi, resolver: Resolver, spec: BridgeSpec): Promise<ObjectDrift> {
  const kind = kindSpec(spec.kind);
  let live = await resolver.find(spec.self);
  if (!live) return { path: spec.path, kind: spec.kind, ...nameOf(spec, undefined), status: 'missing', fields: [] };
  const plain = Object.keys(spec.fields).filter((f) => !kind.secretFields.includes(f) && !isSecret(spec.fields[f]));
  // A slim listing (templates) lacks fields we compare: read the object once.
  if (plain.some((f) => !(f in live!)) && kind.operations.includes('show') && !kind.singleton) {
    live = await api.show(spec.kind, live.id, await resolver.parentParams(spec.self));
  }
  const desired = await resolver.materializeFields(
    Object.fromEntries(plain.map((f) => [f, spec.fields[f]])),
    spec.path,
    false,
  );
  const fields: FieldDrift[] = [];
  for (const f of plain) {
    if (!sameValue(spec.kind, f, desired[f], live[f])) fields.push({ field: f, desired: desired[f], live: live[f] });
  }
  let attachTo: string | null | undefined;
  if (spec.extras.attachTo !== undefined) {
    attachTo = spec.extras.attachTo ? ((await resolver.find(spec.extras.attachTo.$ref))?.id ?? null) : null;
  }
  fields.push(...liveExtras(spec, live, attachTo));
  return { path: spec.path, kind: spec.kind, ...nameOf(spec, live), id: live.id, status: fields.length ? 'drifted' : 'in_sync', fields };
}

/**
 * The construct path an ownership label of this stack instance shows (`<stack>.<path with / as .>`,
 * then `-<digest>` for this version's labels; long paths are cut, so for display only).
 */
function pathShown(label: LiveObject, stack: string): string {
  const name = String(label.name);
  const readable = isLegacyOwnerLabel(label) ? name : name.replace(/-[0-9a-f]{16}$/, '');
  return readable.slice(stack.length + 1).split('.').join('/');
}

/**
 * Objects that carry an ownership label of this stack instance which the synthesized stack no
 * longer declares. Another stack instance's objects are never listed, whatever their stack's name;
 * labels of earlier versions prove no instance, so their objects are not listed either.
 */
async function unmanaged(api: BridgeApi, resolver: Resolver, specs: readonly BridgeSpec[]): Promise<ObjectDrift[]> {
  const identity = resolver.identity;
  const declared = new Set(specs.flatMap((s) => ownerLabelNamesOf(identity, s.self)));
  const labels = (await resolver.allLabels()).filter(
    (l) => l.namespace === OWNER_NAMESPACE && !declared.has(String(l.name)) && relationOf(identity, l) === 'this-instance',
  );
  if (labels.length === 0) return [];
  const out: ObjectDrift[] = [];
  const kinds = [...new Set(specs.map((s) => s.kind))].filter((k) => kindSpec(k).labelable && !kindSpec(k).parent);
  for (const k of kinds) {
    for (const obj of await api.list(k)) {
      const ids = (obj.label_ids as string[] | undefined) ?? [];
      const label = labels.find((l) => ids.includes(l.id));
      if (label) out.push({ path: pathShown(label, identity.stack), kind: k, ...nameOf(undefined, obj), id: obj.id, status: 'unmanaged', fields: [] });
    }
  }
  return out;
}

/**
 * Compares every spec with IMCO. `taintedResource` names the tainted Terraform resource of a spec's
 * object, if the state has one (lib/handlers/tainted.ts): such an object is reported `tainted`.
 */
export async function detectDrift(
  api: BridgeApi,
  specs: readonly BridgeSpec[],
  taintedResource: (spec: BridgeSpec) => string | undefined = () => undefined,
): Promise<DriftReport> {
  const stack = specs[0]?.stack ?? '';
  const resolver = new Resolver(api, undefined, identityOf({ stack, instance: specs[0]?.instance }));
  const objects: ObjectDrift[] = [];
  for (const spec of specs) {
    const compared = await compareObject(api, resolver, spec);
    const tainted = compared.status === 'missing' ? undefined : taintedResource(spec);
    objects.push(tainted ? { ...compared, status: 'tainted', tainted } : compared);
  }
  objects.push(...(await unmanaged(api, resolver, specs)));
  return { stack, objects, drifted: objects.some((o) => o.status !== 'in_sync') };
}
/**
 * Per-object drift fingerprints for `IMCO_DRIFT=plan`: `in-sync` while the object matches. A missing
 * object also counts as in sync here (a new object is missing until its first apply, and a stable
 * value keeps the plan quiet afterwards); `imco-bridge drift` reports missing objects.
 */
export function driftFingerprints(report: DriftReport): Record<string, string> {
  const out: Record<string, string> = {};
  for (const o of report.objects) {
    if (o.status === 'unmanaged') continue;
    out[o.path] =
      o.status === 'in_sync' || o.status === 'missing' || (o.status === 'tainted' && o.fields.length === 0)
        ? 'in-sync'
        : `${o.status}:${createHash('sha256').update(JSON.stringify(o.fields)).digest('hex').slice(0, 16)}`;
  }
  return out;
}

/** What a tainted resource means for its object, and what to run. */
const TAINTED_HINT = (address: string): string =>
  `${address} is tainted (an interrupted or failed apply): terraform apply replaces it and adopts this object; ` +
  `terraform destroy deletes the object through the stack's imco_sweep (or run terraform untaint ${address} first)`;

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** How an object is named in every format: construct path, kind, IMCO name and id. */
function objectTitle(o: ObjectDrift): string {
  return `${o.path} (${[o.kind, o.name === undefined ? undefined : `'${o.name}'`, o.id].filter(Boolean).join(' ')})`;
}

export function renderDrift(report: DriftReport, format: 'text' | 'json' | 'markdown'): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  const bad = report.objects.filter((o) => o.status !== 'in_sync');
  if (format === 'markdown') {
    if (bad.length === 0) return `**IMCO drift** (stack \`${report.stack}\`): no drift across ${report.objects.length} objects.\n`;
    const cells = (o: ObjectDrift) => `| \`${o.path}\` | ${o.kind} | ${o.name ?? ''} | ${o.id ?? ''} | ${o.status} |`;
    const rows = bad.flatMap((o) =>
      o.fields.length ? o.fields.map((f) => `${cells(o)} \`${f.field}\` | \`${show(f.desired)}\` | \`${show(f.live)}\` |`) : [`${cells(o)} | | |`],
    );
    return [
      `**IMCO drift** (stack \`${report.stack}\`): ${bad.length} of ${report.objects.length} objects differ.`,
      '',
      '| construct | kind | name | id | status | field | desired | live |',
      '|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n');
  }
  if (bad.length === 0) return `no drift: ${report.objects.length} objects in sync (stack ${report.stack})\n`;
  const lines = [`drift in stack ${report.stack}: ${bad.length} of ${report.objects.length} objects differ`];
  for (const o of bad) {
    lines.push(`  ${objectTitle(o)}: ${o.status}${o.tainted ? ` — ${TAINTED_HINT(o.tainted)}` : ''}`);
    for (const f of o.fields) lines.push(`    ${f.field}: desired ${show(f.desired)}, live ${show(f.live)}`);
  }
  return `${lines.join('\n')}\n`;
}
