// Reading a secret from its reference (an environment variable or a file), the same way at synth
// (to fingerprint it, lib/constructs/secret.ts) and at apply (to send it, lib/handlers/resolver.ts),
// so that the fingerprint is always that of the value IMCO receives:
// - a variable that is unset and one that is set but empty are told apart;
// - a file must be UTF-8 text (or UTF-16 with a byte-order mark; lib/spec/text-encoding.ts), and
//   exactly one trailing newline (`\n` or `\r\n`, what `echo` and editors add) is removed — except
//   after a PEM/OpenSSH `-----END …-----` line, where the newline belongs to the key format;
// - a private key is refused when it is protected by a passphrase, or when its file is readable by
//   its group or by every user (lib/client/private-key.ts, the checks of the mTLS client key).
// The value never appears in a failure.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { keyFileExposure, holdsPrivateKey, octalMode, passphraseProtected } from '../client/private-key';
import type { SecretRef } from './spec';
import { decodeText } from './text-encoding';

/** Why a secret could not be read; `problem` carries its own one-line explanation. */
export type SecretFailure =
  | { readonly reason: 'unset' }
  | { readonly reason: 'empty' }
  | { readonly reason: 'unreadable'; readonly code?: string }
  | { readonly reason: 'problem'; readonly problem: string };

export type SecretValue = { readonly text: string; readonly failure?: undefined } | { readonly text?: undefined; readonly failure: SecretFailure };

/** The content of a secret file without its one trailing newline (kept after a PEM end line). */
export function trimTrailingNewline(text: string): string {
  const m = /\r?\n$/.exec(text);
  if (!m) return text;
  const trimmed = text.slice(0, m.index);
  return /-----END [A-Z0-9 ]+-----$/.test(trimmed) ? text : trimmed;
}

function privateKeyProblem(text: string, where: string, mode?: number): string | undefined {
  if (!holdsPrivateKey(text)) return undefined;
  if (passphraseProtected(text)) {
    return `${where} holds a private key protected by a passphrase, which IMCO cannot use; give the unencrypted key (e.g. a copy made with ssh-keygen -p -N '' -f <copy>), kept at mode 0600`;
  }
  const exposure = mode === undefined ? undefined : keyFileExposure(mode, { group: true });
  if (exposure !== undefined) {
    return `${where} holds a private key readable by ${exposure} (mode ${octalMode(mode as number)}); refusing to upload it — run: chmod 600 ${where.replace(/^file /, '')}`;
  }
  return undefined;
}

function fromEnv(name: string, env: Readonly<Record<string, string | undefined>>): SecretValue {
  const text = env[name];
  if (text === undefined) return { failure: { reason: 'unset' } };
  if (text === '') return { failure: { reason: 'empty' } };
  const problem = privateKeyProblem(text, `environment variable ${name}`);
  return problem ? { failure: { reason: 'problem', problem } } : { text };
}

function fromFile(named: string, cwd: string): SecretValue {
  const path = resolve(cwd, named);
  let mode: number;
  let decoded: ReturnType<typeof decodeText>;
  try {
    mode = statSync(path).mode;
    decoded = decodeText(readFileSync(path), 'file', named);
  } catch (err) {
    return { failure: { reason: 'unreadable', code: (err as NodeJS.ErrnoException).code } };
  }
  if (decoded.problem !== undefined) return { failure: { reason: 'problem', problem: decoded.problem } };
  const text = trimTrailingNewline(decoded.text);
  const problem = privateKeyProblem(text, `file ${named}`, mode);
  return problem ? { failure: { reason: 'problem', problem } } : { text };
}

/**
 * Reads the secret a reference names (environment variable or file) from the environment `env` and,
 * for a relative file path, the directory `cwd` (by default those of this process).
 */
export function readSecretSource(ref: SecretRef, env: Readonly<Record<string, string | undefined>> = process.env, cwd: string = process.cwd()): SecretValue {
  if (ref.env !== undefined) return fromEnv(ref.env, env);
  if (ref.file !== undefined) return fromFile(ref.file, cwd);
  return { failure: { reason: 'problem', problem: 'the secret names neither an environment variable nor a file; re-synthesize the stack' } };
}
