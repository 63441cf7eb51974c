// `imco-bridge init DIR [--force] [--imco-cdktf=SPEC]`: the verb's row; the scaffold is lib/cli/init.ts.
/* eslint-disable @typescript-eslint/no-require-imports */
import type { VerbCall } from './verb';

export async function run(call: VerbCall): Promise<number> {
  const { runInit } = require('../init') as typeof import('../init');
  return runInit(call.args, call.flags);
}
