// imco.identity.json: the stack instance id, created once (random) beside imco.context.json and
// committed with the code, so CI and every laptop of one repository give their stacks the same
// ownership labels, and another repository whose stack has the same name does not
// (lib/spec/identity.ts). With IMCO_CONTEXT=strict (CI) a missing file fails synth instead of
// making a new identity that would own nothing.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { STACK_INSTANCE_ID } from '../spec/identity';
import { contextFilePath } from './context-file';

export const IDENTITY_FILE_NAME = 'imco.identity.json';

/** The identity file: IMCO_IDENTITY_FILE, else `imco.identity.json` beside the context file. */
export function identityFilePath(): string {
  const explicit = process.env.IMCO_IDENTITY_FILE;
  return explicit ? resolve(explicit) : join(dirname(contextFilePath()), IDENTITY_FILE_NAME);
}

function strict(): boolean {
  return (process.env.IMCO_CONTEXT ?? '').toLowerCase() === 'strict';
}

function parse(path: string, text: string): string {
  let instance: unknown;
  try {
    instance = (JSON.parse(text) as { instance?: unknown }).instance;
  } catch {
    instance = undefined;
  }
  if (typeof instance !== 'string' || !STACK_INSTANCE_ID.test(instance)) {
    throw new Error(
      `${path} must be {"instance": "<8–40 letters, digits, _ or ->"}: restore it from version control ` +
        `(a new id would own none of the stack's objects)`,
    );
  }
  return instance;
}

/** The file's text for an instance id. */
export function renderIdentity(instance: string): string {
  return `${JSON.stringify({ instance }, null, 2)}\n`;
}

/**
 * The stack instance id: read from the identity file, or (when it does not exist) a new random id
 * written there exclusively, so two synths at once agree on one id.
 */
export function stackInstanceId(path = identityFilePath()): string {
  if (existsSync(path)) return parse(path, readFileSync(path, 'utf8'));
  if (strict()) {
    throw new Error(
      `${path} is missing (IMCO_CONTEXT=strict): synthesize once without IMCO_CONTEXT=strict and commit ${IDENTITY_FILE_NAME} beside imco.context.json`,
    );
  }
  const instance = randomBytes(8).toString('hex');
  try {
    writeFileSync(path, renderIdentity(instance), { flag: 'wx' });
    return instance;
  } catch (err) {
    if ((err as { code?: string }).code === 'EEXIST') return parse(path, readFileSync(path, 'utf8'));
    throw new Error(`cannot write the stack identity file ${path} (${(err as Error).message}); set IMCO_IDENTITY_FILE to a writable path`);
  }
}
