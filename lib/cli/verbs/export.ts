// `imco-bridge export …`: the verb's row; its options and run are lib/cli/export.ts.
/* eslint-disable @typescript-eslint/no-require-imports */
import type { VerbCall } from './verb';

export async function run(call: VerbCall): Promise<number> {
  const { runExport } = require('../export') as typeof import('../export');
  return runExport(call.rawArgs, (line) => call.inv.stdout(`${line}\n`));
}
