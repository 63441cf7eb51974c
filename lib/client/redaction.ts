// Secret redaction: finds the secret values inside request bodies (the catalog's `secretFields`
// such as `private_key`, `psk`, `account_data`, and their input aliases) and scrubs them, and any
// PEM private key, from every text the client emits (error messages, hook lines, wait events).
import { SECRET_FIELD_NAMES } from '../core/secret-fields';

export { SECRET_FIELD_NAMES };

const REDACTED = '[redacted]';
const PEM_PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g;
/** Shorter strings are too likely to appear innocently in messages to scrub reliably. */
const MIN_SECRET_LENGTH = 4;

function leafStrings(value: unknown, into: string[]): void {
  if (typeof value === 'string') into.push(value);
  else if (typeof value === 'number') into.push(String(value));
  else if (Array.isArray(value)) value.forEach((v) => leafStrings(v, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => leafStrings(v, into));
}

/** The secret values a request body carries (every leaf under a secret field, and its JSON form). */
export function secretValuesIn(body: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (SECRET_FIELD_NAMES.has(key)) {
          leafStrings(child, found);
          if (child && typeof child === 'object') found.push(JSON.stringify(child));
        } else visit(child);
      }
    }
  };
  visit(body);
  return found;
}

/** Remembers secret values and removes them (and PEM private keys) from texts. */
export class SecretScrubber {
  readonly #secrets = new Set<string>();

  /** Adds values to scrub; short or empty values are ignored. */
  add(...values: readonly string[]): void {
    for (const v of values) {
      if (typeof v !== 'string') continue;
      const trimmed = v.trim();
      if (trimmed.length >= MIN_SECRET_LENGTH) this.#secrets.add(trimmed);
    }
  }

  /** Adds a PEM private key: its body lines are scrubbed wherever they appear. */
  addPrivateKeyPem(pem: string): void {
    for (const line of pem.split(/\r?\n/)) {
      if (line && !line.startsWith('-----')) this.add(line);
    }
  }

  /** Returns `text` with every known secret and any PEM private key replaced by `[redacted]`. */
  scrub(text: string): string {
    let out = text.replace(PEM_PRIVATE_KEY, '[redacted private key]');
    // Longest first, so a secret containing another is removed whole.
    const secrets = [...this.#secrets].sort((a, b) => b.length - a.length);
    for (const secret of secrets) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    }
    return out;
  }

  /** A scrubber holding this one's secrets plus `extra`, for one request. */
  with(extra: readonly string[]): SecretScrubber {
    const copy = new SecretScrubber();
    copy.add(...this.#secrets, ...extra);
    return copy;
  }
}
