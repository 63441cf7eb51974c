// Trigger values of the handler flavours' resources (docs/architecture.md §2.2): a spec value as
// the string Terraform compares — literals escaped, references to objects of this program as their
// lifecycle resource's `.id` token, secrets left out — and the
// `_sync` triggers of the mutable spec extras (power, size, compile, scripts, attachments, attach_to).
import type { ObjectRef, SpecExtras, SpecValue } from '../spec/spec';
import { isRef, isSecret } from '../spec/spec';
import { escapeTemplate, jsonForTerraform } from './escape';

/** The lifecycle `.id` token of the object a ref names, when that object is managed in this program. */
export type LifecycleIdOf = (ref: ObjectRef) => string | undefined;

/** A trigger value: strings as-is (escaped), references as the lifecycle id token, the rest as JSON. */
export function triggerValue(value: SpecValue, idOf: LifecycleIdOf): string {
  if (typeof value === 'string') return escapeTemplate(value);
  if (isRef(value)) return refToken(value.$ref, idOf);
  const tokens = new Set<string>();
  const live = withRefTokens(value, tokens, idOf);
  return jsonForTerraform(live, (t) => tokens.has(t));
}

/** The lifecycle `.id` of the object a ref names (or the ref as JSON when it is not managed here). */
export function refToken(ref: ObjectRef, idOf: LifecycleIdOf): string {
  return idOf(ref) ?? escapeTemplate(JSON.stringify(ref));
}

function withRefTokens(value: unknown, tokens: Set<string>, idOf: LifecycleIdOf): unknown {
  if (isRef(value)) {
    const token = refToken(value.$ref, idOf);
    tokens.add(token);
    return token;
  }
  if (isSecret(value)) return null;
  if (Array.isArray(value)) return value.map((v) => withRefTokens(v, tokens, idOf));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withRefTokens(v, tokens, idOf)]));
  }
  return value;
}

/** Sync triggers for the mutable extras. */
export function extrasTriggers(extras: SpecExtras, idOf: LifecycleIdOf): Record<string, string> {
  const out: Record<string, string> = {};
  if (extras.power !== undefined) out.power = escapeTemplate(String(extras.power));
  if (extras.size !== undefined) out.size = String(extras.size);
  if (extras.compile !== undefined) out.compile = String(extras.compile);
  if (extras.scripts !== undefined) out.scripts = triggerValue(extras.scripts as unknown as SpecValue, idOf);
  if (extras.attachments !== undefined) {
    out.attachments = jsonForTerraform(extras.attachments.map((a) => ({ name: a.name, sha256: a.sha256 })), () => false);
  }
  if (extras.attachTo !== undefined) out.attach_to = extras.attachTo ? refToken(extras.attachTo.$ref, idOf) : '';
  return out;
}
