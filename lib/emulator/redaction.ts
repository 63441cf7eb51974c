// Secret redaction: every field the catalog marks secret (and its input aliases) is replaced by
// "[REDACTED]" wherever it appears in a request body before the body reaches the journal.
import { SECRET_FIELD_NAMES } from '../core/secret-fields';

export const REDACTED = '[REDACTED]';

/** Wire names (and aliases) of every secret field in the catalog (lib/core/secret-fields.ts). */
export const SECRET_KEYS: ReadonlySet<string> = SECRET_FIELD_NAMES;

/** A deep copy of `value` with the values of secret keys replaced, at any depth. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      out[key] = SECRET_KEYS.has(key) ? REDACTED : redactSecrets(inner);
    }
    return out;
  }
  return value;
}
