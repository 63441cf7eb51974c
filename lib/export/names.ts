// Readable, unique and stable construct ids and TypeScript variable names from IMCO names: the same
// estate always gives the same ids (objects are read in a fixed order, and a clash is settled by
// the kind, then by the end of the IMCO id, never by the order of discovery).
import type { EstateObject } from './estate';

const RESERVED = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export',
  'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super',
  'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'await',
  'implements', 'interface', 'package', 'private', 'protected', 'public', 'app', 'scope', 'id', 'undefined',
]);

/** `My Web (prod)` → `my-web-prod`; empty → `fallback`. */
export function slug(text: string, fallback: string): string {
  const s = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s || fallback;
}

/** `my-web-prod` → `myWebProd` (a valid identifier, not a reserved word). */
export function camel(text: string): string {
  const parts = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let name = parts.map((p, i) => (i === 0 ? (p === p.toUpperCase() ? p.toLowerCase() : p.charAt(0).toLowerCase() + p.slice(1)) : p.charAt(0).toUpperCase() + p.slice(1))).join('');
  if (!name || /^[0-9]/.test(name)) name = `o${name}`;
  return RESERVED.has(name) ? `${name}Object` : name;
}

/** Construct id per object id, unique in the stack. */
export function constructIds(objects: readonly EstateObject[]): Map<string, string> {
  const base = new Map(objects.map((o) => [o.id, slug(o.name, o.kind.replace(/_/g, '-'))]));
  const count = (ids: Iterable<string>) => {
    const c = new Map<string, number>();
    for (const v of ids) c.set(v, (c.get(v) ?? 0) + 1);
    return c;
  };
  const first = count(base.values());
  const withKind = new Map(objects.map((o) => [o.id, first.get(base.get(o.id)!)! > 1 ? `${base.get(o.id)}-${o.kind.replace(/_/g, '-')}` : base.get(o.id)!]));
  const second = count(withKind.values());
  const out = new Map<string, string>();
  for (const o of objects) {
    const id = withKind.get(o.id)!;
    out.set(o.id, second.get(id)! > 1 ? `${id}-${o.id.slice(-6).toLowerCase()}` : id);
  }
  return out;
}

/** Hands out unique variable names. */
export class VariableNames {
  private readonly used = new Set<string>();

  take(wanted: string): string {
    const base = camel(wanted);
    let name = base;
    for (let i = 2; this.used.has(name); i++) name = `${base}${i}`;
    this.used.add(name);
    return name;
  }
}
