// `imco-bridge prune-record`: the old prune instance's destroy provisioner records its declaration.
/* eslint-disable @typescript-eslint/no-require-imports */
import { pruneTriggersOf } from './prune-triggers';
import type { VerbCall } from './verb';

export async function run(call: VerbCall): Promise<number> {
  const { recordDeclaration } = require('../../handlers/prune') as typeof import('../../handlers/prune');
  recordDeclaration(pruneTriggersOf(call), call.inv);
  return 0;
}
