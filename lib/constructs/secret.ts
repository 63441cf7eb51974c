// Secrets given by reference (docs/architecture.md §4): an environment variable or a file, read at synth ONLY to
// compute a salted fingerprint for the triggers. The value is never stored on a construct, never
// written to cdk.tf.json and never put in an error message.
import { resolve } from 'node:path';
import type { SecretRef } from '../spec/spec';
import { secretFingerprint } from '../spec/fingerprint';
import { readSecretSource } from '../spec/secret-source';

/** How the handler interprets the secret text. */
export type SecretFormat = 'text' | 'json';

export interface SecretOptions {
  /**
   * `json`: the secret is a JSON object (SaaS account data); synth checks that it parses.
   * @default 'text'
   */
  readonly format?: SecretFormat;
}

/** Outcome of fingerprinting: the fingerprint, or a problem that says what to do. */
export type FingerprintResult = { readonly fingerprint: string; readonly problem?: undefined } | { readonly fingerprint?: undefined; readonly problem: string };

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A secret passed by reference. Only its reference and a fingerprint ever reach Terraform. */
export class Secret {
  /** The secret is the value of environment variable `name` at synth and at apply time. */
  static fromEnv(name: string, options: SecretOptions = {}): Secret {
    return new Secret({ env: name, format: options.format ?? 'text' });
  }

  /**
   * The secret is the content of the file at `path` (made absolute against the current directory).
   * The file must be UTF-8 text (a UTF-16 file with a byte-order mark is decoded; a UTF-8 byte-order
   * mark is dropped). Exactly one trailing newline (`\n` or `\r\n`, as `echo` and editors write
   * it) is removed from the value; a file ending in a PEM/OpenSSH `-----END …-----` line keeps it, as
   * the key format wants. A private key protected by a passphrase, or whose file its group or other
   * users can read, is refused (run `chmod 600`).
   */
  static fromFile(path: string, options: SecretOptions = {}): Secret {
    return new Secret({ file: resolve(path), format: options.format ?? 'text' });
  }

  static isSecret(x: unknown): x is Secret {
    return x instanceof Secret;
  }

  /** The reference the handler reads the value from at apply time. */
  readonly source: SecretRef;

  private constructor(source: SecretRef) {
    this.source = Object.freeze({ ...source });
  }

  get format(): SecretFormat {
    return this.source.format ?? 'text';
  }

  /** `environment variable X` or `file /p`, for messages. */
  describe(): string {
    return this.source.env !== undefined ? `environment variable ${this.source.env}` : `file ${this.source.file}`;
  }

  /**
   * Reads the value (and drops it) to compute `secretFingerprint(value, owner, stack)`; JSON secrets are
   * fingerprinted in a canonical form so that re-formatting the file is not a change.
   */
  fingerprint(owner: string, stack: string): FingerprintResult {
    if (this.source.env !== undefined && !ENV_NAME.test(this.source.env)) {
      return { problem: `secret environment variable name '${this.source.env}' is not valid; use letters, digits and _` };
    }
    const read = readSecretSource(this.source);
    if (read.failure !== undefined) {
      const failure = read.failure;
      switch (failure.reason) {
        case 'unset':
          return {
            problem: `secret ${this.describe()} is not set at synth; export it before synthesizing (synth reads it only to fingerprint it, and terraform apply needs it too)`,
          };
        case 'empty':
          return {
            problem: `secret ${this.describe()} is set but empty at synth; give it the secret's value (synth reads it only to fingerprint it, and terraform apply needs it too)`,
          };
        case 'unreadable':
          return { problem: `secret ${this.describe()} cannot be read at synth; check the path and its permissions (synth reads it only to fingerprint it)` };
        default:
          return { problem: `secret ${failure.problem}` };
      }
    }
    const text = read.text;
    let material: string = text;
    if (this.format === 'json') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        return { problem: `secret ${this.describe()} must hold a JSON object (format 'json')` };
      }
      material = canonicalJson(parsed);
    }
    return { fingerprint: secretFingerprint(material, owner, stack) };
  }
}

/** JSON with sorted object keys, so equal objects give equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The problem with a value given where a Secret is expected (never quoting the value). */
export function secretProblem(value: unknown, prop: string): string | undefined {
  if (value instanceof Secret) return undefined;
  if (typeof value === 'string') {
    return `${prop}: secret passed as a literal string; it would end up in cdk.tf.json and Terraform state — use Secret.fromEnv('NAME') or Secret.fromFile('path') instead`;
  }
  return `${prop}: expected a Secret (Secret.fromEnv('NAME') or Secret.fromFile('path')), got ${value === null ? 'null' : typeof value}`;
}

/** A secret a construct passes for a wire field (`prop` names it in messages). */
export interface SecretUse {
  readonly field: string;
  readonly prop: string;
  readonly secret: Secret;
}

/** Fingerprints of the secrets by wire field, salted with the object's owner key; unreadable ones become problems. */
export function secretFingerprints(secrets: readonly SecretUse[], owner: string, stack: string): { fingerprints: Record<string, string>; problems: string[] } {
  const fingerprints: Record<string, string> = {};
  const problems: string[] = [];
  for (const { field, prop, secret } of secrets) {
    const result = secret.fingerprint(owner, stack);
    if (result.problem !== undefined) problems.push(`${prop}: ${result.problem}`);
    else fingerprints[field] = result.fingerprint;
  }
  return { fingerprints, problems };
}
