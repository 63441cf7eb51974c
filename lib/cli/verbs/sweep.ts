// `imco-bridge sweep`: deletes the objects of a stack that their destroyed resources left in IMCO.
/* eslint-disable @typescript-eslint/no-require-imports */
import type { BridgeSpec } from '../../spec/spec';
import { withApi } from './open-api';
import { pruneTriggersOf } from './prune-triggers';
import { printLine, type VerbCall } from './verb';

export async function run(call: VerbCall): Promise<number> {
  const triggers = pruneTriggersOf(call);
  const { sweep } = require('../../handlers/sweep') as typeof import('../../handlers/sweep');
  const spec = { endpoint: triggers.endpoint, path: 'sweep' } as BridgeSpec;
  const deleted = await withApi(call, spec, (api) => sweep(api, triggers, (l) => printLine(call, l), call.inv));
  if (deleted > 0) printLine(call, `imco-bridge: sweep: deleted ${deleted} object(s) of stack ${triggers.stack} that their destroyed resources had left in IMCO`);
  return 0;
}
