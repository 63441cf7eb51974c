// `imco-bridge prune`: the new prune instance's create provisioner deletes what the stack no longer declares.
/* eslint-disable @typescript-eslint/no-require-imports */
import type { BridgeSpec } from '../../spec/spec';
import { withApi } from './open-api';
import { pruneTriggersOf } from './prune-triggers';
import { printLine, type VerbCall } from './verb';

export async function run(call: VerbCall): Promise<number> {
  const triggers = pruneTriggersOf(call);
  const { prune } = require('../../handlers/prune') as typeof import('../../handlers/prune');
  const spec = { endpoint: triggers.endpoint, path: 'prune' } as BridgeSpec;
  const removed = await withApi(call, spec, (api) => prune(api, triggers, (l) => printLine(call, l), call.inv));
  if (removed > 0) printLine(call, `imco-bridge: prune: deleted ${removed} object(s) no longer declared in stack ${triggers.stack}`);
  return 0;
}
