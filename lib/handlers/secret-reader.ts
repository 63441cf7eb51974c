// The apply-time read of a secret a spec references (env var or file) for the create or update
// body: the rules of lib/spec/secret-source.ts (the ones synth fingerprinted the value with),
// phrased for terraform apply. The value never appears in an error.
import type { SecretFailure } from '../spec/secret-source';
import { readSecretSource } from '../spec/secret-source';
import type { SecretRef } from '../spec/spec';
import { BridgeError } from './errors';
import type { Invocation } from './invocation';

/** Why a secret cannot be used at apply, as the tail of a one-line error. */
function secretFailureText(ref: SecretRef, failure: SecretFailure): string {
  switch (failure.reason) {
    case 'unset':
      return `environment variable ${ref.env} is not set; export it before terraform apply`;
    case 'empty':
      return `environment variable ${ref.env} is set but empty; give it the secret's value before terraform apply`;
    case 'unreadable':
      return `cannot read file ${ref.file}; check the path and its permissions`;
    default:
      return failure.problem;
  }
}

/** Reads a secret from its reference: the text, or the parsed object of a JSON secret. */
export function readSecret(ref: SecretRef, usedBy: string, from?: Pick<Invocation, 'env' | 'cwd'>): unknown {
  const read = from ? readSecretSource(ref, from.env, from.cwd) : readSecretSource(ref);
  if (read.failure !== undefined) throw new BridgeError(`secret for ${usedBy}: ${secretFailureText(ref, read.failure)}`);
  const text = read.text;
  if (ref.format === 'json') {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      return parsed;
    } catch {
      const where = ref.env ? `environment variable ${ref.env}` : `file ${ref.file}`;
      throw new BridgeError(`secret for ${usedBy}: ${where} must hold a JSON object`);
    }
  }
  return text;
}
