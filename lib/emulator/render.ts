// Rendering: a stored object becomes its wire JSON. Driven by the catalog: `id` first, then the
// kind's response fields, then any other public field, then `resource_type`; list answers use the
// kind's slimmer list fields where it has them. Secret fields and `$` bookkeeping never leave.
import { kindSpec, type KindSpec } from '../catalog';
import type { EmulatorServices } from './services';
import type { StoredObject } from './store';

export type RenderView = 'show' | 'list';

export function render(ctx: EmulatorServices, spec: KindSpec, obj: StoredObject, view: RenderView = 'show'): Record<string, unknown> {
  const secret = new Set(spec.secretFields);
  const out: Record<string, unknown> = { id: obj.id };
  for (const field of spec.responseFields) if (field in obj) out[field] = obj[field];
  for (const [field, value] of Object.entries(obj)) {
    if (field.startsWith('$') || field in out) continue;
    out[field] = value;
  }
  ctx.behaviour(spec.kind)?.decorate?.(ctx, obj, out);
  out.resource_type = spec.resourceType;
  for (const field of secret) delete out[field];
  const picked = view === 'list' && spec.listFields ? Object.fromEntries(spec.listFields.map((f) => [f, out[f]])) : out;
  return structuredClone(picked);
}

export function renderKind(ctx: EmulatorServices, kind: string, obj: StoredObject, view: RenderView = 'show'): Record<string, unknown> {
  return render(ctx, kindSpec(kind), obj, view);
}

/** Display form for messages and events: `server 'web-1' (5f…)`. */
export function describe(spec: KindSpec, obj: StoredObject): string {
  const name = spec.nameField ? obj[spec.nameField] : undefined;
  return typeof name === 'string' && name !== '' ? `${spec.title} '${name}' (${obj.id})` : `${spec.title} ${obj.id}`;
}
