// `imco-bridge serve <run directory>`: the bridge server (lib/cli/bridge-server.ts), started by
// bin/imco-bridge.sh; not for users.
/* eslint-disable @typescript-eslint/no-require-imports */
import type { VerbCall } from './verb';

export async function run(call: VerbCall): Promise<number> {
  const dir = call.args[0];
  if (!dir) {
    call.inv.stderr('usage: imco-bridge serve <run directory>\n');
    return 2;
  }
  const { main } = require('../bridge') as typeof import('../bridge');
  return (require('../bridge-server') as typeof import('../bridge-server')).serve(dir, main);
}
