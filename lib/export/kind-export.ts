// What one kind's export hook gives: how a live IMCO object becomes the props of its construct,
// its import id in the provider's form, the import ids of its part resources, and the per-kind
// rules of reading the estate (read-only defaults, objects carried by another, the order of parts).
// Each kind's hook is its folder's export.ts (lib/kinds/<kind>/export.ts), gathered by
// lib/kinds/export-hooks.ts; the helpers below read what they need from the catalog.
import { kindSpec } from '../catalog';
import type { LiveObject } from '../handlers/api';
import type { EstateObject } from './estate';

/** The name of catalogue entry `id` of `kind` (undefined when IMCO has none by that id). */
export type NameIn = (kind: string, id: unknown) => Promise<string | undefined>;

/** Helpers a kind table writes props with (TypeScript expressions as text). */
export interface RenderContext {
  /** The variable of the exported construct of that object, if it is exported. */
  ref(kind: string, id: unknown): string | undefined;
  /** The exported construct's variable, else the id as a string literal (an object this export does not adopt). */
  refOrId(kind: string, id: unknown): string;
  /** A lookup through the lookup API (`CloudAccount.fromName(this, …)`), else the id as a literal. */
  lookup(kind: string, id: unknown): string;
  /** `Secret.fromEnv('<VAR>')`: a placeholder the summary lists with what to set. */
  secret(field: string, what: string, format?: 'json'): string;
  /** A TypeScript literal of a plain value. */
  literal(value: unknown): string;
}

export interface ConstructCode {
  /** Prop name → TypeScript expression, in the order written. */
  readonly props: readonly (readonly [string, string])[];
  /** The provider's import id (`<id>`, `<parent id>/<id>`, `<parent id>` for a VPN). */
  readonly importId: string;
  /** Import ids of the construct's part resources, in declaration order (template scripts). */
  readonly partIds?: readonly string[];
}

export interface KindExport {
  readonly kind: string;
  /** The construct class exported from imco-cdktf. */
  readonly className: string;
  /** The props and import ids, or why the object cannot be exported. */
  render(obj: EstateObject, ctx: RenderContext): ConstructCode | { readonly skip: string };
  /**
   * The prop naming what the object is attached to (the reference of the kind's attach action: a
   * volume's `server`), which the engine adds after the rendered props (see attachedConstruct).
   */
  readonly attachedProp?: string;
  /** The prop naming the object's parent construct (the catalog's parent: a subnet's `vpc`), added first. */
  readonly parentProp?: string;
  /** Why the object is one of the account's read-only defaults (the platform made it), if it is one. */
  readonly defaultReason?: (live: LiveObject) => string | undefined;
  /** Why the object is exported with another one (a server array's member), if it is. */
  readonly carriedBy?: (live: LiveObject) => string | undefined;
  /** The name of an object whose kind has none (a SaaS account: after its provider). */
  readonly displayName?: (live: LiveObject, nameIn: NameIn) => Promise<string>;
  /** The order of the object's parts (a template's scripts); absent: IMCO's order. */
  readonly compareParts?: (a: LiveObject, b: LiveObject) => number;
  /** The object says it has no child of `kind` (a VPC without a VPN), so that child is not read. */
  readonly lacksChild?: (live: LiveObject, kind: string) => boolean;
}

/** A catalogue entry an exported object names, written as a lookup of the lookup API. */
export interface LookupExport {
  readonly kind: string;
  /** The construct class exported from imco-cdktf (`CloudAccount`). */
  readonly className: string;
  /** The kind and field of the entry's location, when its lookup names one (plans). */
  readonly located?: { readonly kind: string; readonly field: string };
}

/** A construct reference the object needs, or why the object cannot be written without it. */
export type Needed = { readonly ref: string } | { readonly skip: string };

/** The exported construct of the object's parent (the catalog's `parent`: a subnet's VPC). */
export function parentConstruct(o: EstateObject, ctx: RenderContext): Needed {
  const parent = kindSpec(o.kind).parent;
  const ref = parent ? ctx.ref(parent.kind, o.parentId) : undefined;
  if (ref) return { ref };
  return { skip: `its ${parent ? kindSpec(parent.kind).title : 'parent'} ${String(o.parentId)} is not exported` };
}

/**
 * `[prop, construct]` of what the object is attached to (the reference field of the kind's attach
 * action: a volume's server), none when it is not attached, or why it cannot be written.
 */
export function attachedConstruct(o: EstateObject, ctx: RenderContext, propName: string): { readonly props: (readonly [string, string])[] } | { readonly skip: string } {
  const field = (kindSpec(o.kind).actions ?? []).flatMap((a) => a.fields ?? []).find((f) => f.ref);
  const id = field ? str(o.live[field.name]) : undefined;
  if (!field?.ref || !id) return { props: [] };
  const ref = ctx.ref(field.ref, id);
  return ref ? { props: [[propName, ref]] } : { skip: `attached to ${kindSpec(field.ref).title} ${id}, which this export does not adopt` };
}

/** `[prop, expression]` when the value is present. */
export function prop(name: string, value: string | undefined): (readonly [string, string])[] {
  return value === undefined ? [] : [[name, value]];
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
