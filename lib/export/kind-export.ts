// What one kind's export table gives: how a live IMCO object becomes the props of its construct,
// its import id in the provider's form, and the import ids of its part resources. Each kind's table
// is its folder's export.ts (lib/kinds/<kind>/export.ts), gathered by lib/kinds/export-hooks.ts.
import type { EstateObject } from './estate';

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
}

/** `[prop, expression]` when the value is present. */
export function prop(name: string, value: string | undefined): (readonly [string, string])[] {
  return value === undefined ? [] : [[name, value]];
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
