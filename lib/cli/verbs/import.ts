// `imco-bridge import <construct path> <imco id> [--stack DIR]`: adopt an existing IMCO object for a construct.
/* eslint-disable @typescript-eslint/no-require-imports */
import { invocationContext, withApi } from './open-api';
import { synthesizedSpec } from './synthesized-object';
import type { VerbCall } from './verb';

export async function run(call: VerbCall): Promise<number> {
  const [path, id] = call.args;
  if (!path || !id) {
    call.inv.stderr(`${call.usage}\n`);
    return 2;
  }
  const spec = synthesizedSpec(call, path);
  const { runImport } = require('../../handlers/import') as typeof import('../../handlers/import');
  await withApi(call, spec, (api) => runImport(invocationContext(call, spec, api), id));
  return 0;
}
