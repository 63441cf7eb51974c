// Small synth-time checks shared by the constructs (issue 5 §2): names, ids of read-only catalogue
// objects, integers, unresolved Terraform tokens. Each returns a problem text (without the construct
// path, which the caller adds) or undefined.
import { Token } from 'cdktf';
import { Construct } from 'constructs';

/** Longest name the constructs accept for an IMCO object. */
export const MAX_NAME_LENGTH = 255;

/** Id of a read-only catalogue object (cloud account, plan, image, realm, VPN plan, SaaS provider). */
export type IdLike = string | { readonly id: string };

/** The id an IdLike names, or undefined when it is not one. */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (value !== null && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') {
    const id = (value as { id: string }).id;
    return id.trim() === '' ? undefined : id;
  }
  return undefined;
}

export function idProblem(value: unknown, prop: string, title: string): string | undefined {
  if (idOf(value) !== undefined) return undefined;
  if (value === undefined || value === null) return `${prop} is required: give the ${title}'s id (or a lookup result with an id)`;
  return `${prop} must be the id of a ${title} (a non-empty string or an object with an id)`;
}

export function nameProblem(value: unknown, prop = 'name'): string | undefined {
  if (typeof value !== 'string') return `${prop} must be a string`;
  if (value.trim() === '') return `${prop} must not be empty`;
  if (value.length > MAX_NAME_LENGTH) return `${prop} is ${value.length} characters long; IMCO names are at most ${MAX_NAME_LENGTH}`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return `${prop} contains control characters (newline, tab, …); use printable characters only`;
  if (value.trim() !== value) return `${prop} '${value}' has leading or trailing spaces; remove them (IMCO compares names exactly)`;
  return undefined;
}

export function integerProblem(value: unknown, prop: string, min: number, max = Number.MAX_SAFE_INTEGER): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value)) return `${prop} must be an integer, got ${JSON.stringify(value)}`;
  if (value < min || value > max) {
    return max === Number.MAX_SAFE_INTEGER ? `${prop} must be at least ${min}, got ${value}` : `${prop} must be between ${min} and ${max}, got ${value}`;
  }
  return undefined;
}

/** Paths (dotted) of values inside `value` that are unresolved cdktf tokens. */
export function unresolvedTokenPaths(value: unknown, at = ''): string[] {
  if (typeof value === 'string' || typeof value === 'number') return Token.isUnresolved(value) ? [at || '(value)'] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => unresolvedTokenPaths(v, `${at}[${i}]`));
  if (value !== null && typeof value === 'object') {
    if (Token.isUnresolved(value)) return [at || '(value)'];
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => [
      ...(Token.isUnresolved(k) ? [`${at ? `${at}.` : ''}(key)`] : []),
      ...unresolvedTokenPaths(v, at ? `${at}.${k}` : k),
    ]);
  }
  return [];
}

/** True when `value` can be written as JSON without loss (no undefined, functions, NaN, cycles). */
export function jsonProblem(value: unknown, prop: string, seen: Set<unknown> = new Set()): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${prop} holds ${value}, which JSON cannot carry`;
  if (typeof value === 'object') {
    if (seen.has(value)) return `${prop} contains a cycle`;
    seen.add(value);
    const entries = Array.isArray(value) ? value.map((v, i) => [`${prop}[${i}]`, v] as const) : Object.entries(value).map(([k, v]) => [`${prop}.${k}`, v] as const);
    for (const [p, v] of entries) {
      const problem = jsonProblem(v, p, seen);
      if (problem) return problem;
    }
    seen.delete(value);
    return undefined;
  }
  return `${prop} holds a ${typeof value}, which JSON cannot carry`;
}

/** The problem of a reference prop that is not an IMCO construct of the expected class. */
export function constructRefProblem(target: unknown, prop: string, title: string): string {
  return target === undefined || target === null
    ? `${prop} is required: pass the ${title} construct`
    : `${prop} must be a ${title} construct of this program (got ${describeValue(target)})`;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `the string '${value}'`;
  if (value instanceof Construct) return `${value.constructor.name} '${value.node.path}'`;
  return typeof value;
}
