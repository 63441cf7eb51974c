// `imco-bridge drift [--stack DIR|NAME] [--format text|json|markdown] [--state FILE]`: the verb's
// row; lib/cli/drift-command.ts checks each synthesized stack (or the one given). `--specs-stdin`
// reads one stack's specs as JSON instead.
/* eslint-disable @typescript-eslint/no-require-imports */
import type { BridgeSpec } from '../../spec/spec';
import type { SynthesizedObject } from '../../handlers/stack-reader';
import { openApi } from './open-api';
import type { VerbCall } from './verb';

export async function run(call: VerbCall): Promise<number> {
  const { driftCommand } = require('../drift-command') as typeof import('../drift-command');
  return driftCommand(call.flags, {
    openApi: (spec) => openApi(call, spec),
    taintedResourceOf: (dir, objects, state) => taintedResourceOf(dir, objects, typeof state === 'string' ? state : undefined),
  });
}

/** The tainted Terraform resource (lifecycle or `_sync`) of a synthesized object, from the stack's state. */
function taintedResourceOf(dir: string, objects: readonly SynthesizedObject[], stateFile: string | undefined): (spec: BridgeSpec) => string | undefined {
  const { findStackFiles } = require('../../handlers/stack-reader') as typeof import('../../handlers/stack-reader');
  const { taintedByStack } = require('../../handlers/tainted') as typeof import('../../handlers/tainted');
  const byStack = taintedByStack(findStackFiles(dir), stateFile);
  const addressOf = new Map(objects.map((o) => [o.spec, o.address]));
  return (spec) => {
    const address = addressOf.get(spec);
    const tainted = byStack.get(spec.stack);
    if (!address || !tainted) return undefined;
    return [address, `${address}_sync`].find((a) => tainted.has(a));
  };
}
