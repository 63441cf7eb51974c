// `imco-bridge repoint [--stack DIR]`: record the synthesized endpoint in the Terraform state (lib/cli/repoint.ts).
/* eslint-disable @typescript-eslint/no-require-imports */
import { withApi } from './open-api';
import { printLine, stackDirOf, type VerbCall } from './verb';

export async function run(call: VerbCall): Promise<number> {
  const { repoint } = require('../repoint') as typeof import('../repoint');
  return withApi(call, undefined, (api) => repoint(stackDirOf(call), api, (l) => printLine(call, l)));
}
