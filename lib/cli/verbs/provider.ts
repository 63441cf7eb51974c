// `imco-bridge provider mirror DIR`: lay out DIR as a filesystem mirror of terraform-provider-imco.
/* eslint-disable @typescript-eslint/no-require-imports */
import { pathIn } from '../../handlers/invocation';
import { printLine, type VerbCall } from './verb';

export async function run(call: VerbCall): Promise<number> {
  const [sub, dir] = call.args;
  if (sub !== 'mirror' || !dir) {
    call.inv.stderr('imco-bridge: usage: imco-bridge provider mirror DIR\n');
    return 2;
  }
  const { layoutMirror } = require('../../provider/mirror') as typeof import('../../provider/mirror');
  const { providerFile, version } = layoutMirror(pathIn(call.inv, dir));
  printLine(call, `imco-bridge: imco/imco ${version} laid out in ${dir} (${providerFile}); run terraform init -plugin-dir=${dir}`);
  return 0;
}
