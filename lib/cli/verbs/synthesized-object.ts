// The synthesized object a user-facing verb names by construct path (`import`, `events`).
/* eslint-disable @typescript-eslint/no-require-imports */
import type { BridgeSpec } from '../../spec/spec';
import { stackDirOf, type VerbCall } from './verb';

/** The spec of the object synthesized for construct `path` in the stack directory of the call. */
export function synthesizedSpec(call: VerbCall, path: string): BridgeSpec {
  const { findSynthesizedObject } = require('../../handlers/stack-reader') as typeof import('../../handlers/stack-reader');
  return findSynthesizedObject(stackDirOf(call), path).spec;
}
