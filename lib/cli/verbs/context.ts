// `imco-bridge context refresh [KEY …] [--file F]` re-resolves the imco.context.json lookups (and
// adds KEYs); `imco-bridge context fetch` resolves lookup queries read as JSON from stdin (synth).
/* eslint-disable @typescript-eslint/no-require-imports */
import { pathIn } from '../../handlers/invocation';
import { withApi } from './open-api';
import { flagText, printLine, type VerbCall } from './verb';

export async function run(call: VerbCall): Promise<number> {
  const [sub, ...keys] = call.args;
  const lookups = require('../../handlers/lookup-context') as typeof import('../../handlers/lookup-context');
  if (sub === 'fetch') {
    const input = require('node:fs').readFileSync(0, 'utf8') as string;
    const answers = await withApi(call, undefined, (api) => lookups.fetchQueries(api, JSON.parse(input)));
    printLine(call, JSON.stringify(answers));
    return 0;
  }
  if (sub === 'refresh') {
    const file = flagText(call, 'file');
    const { lines, failed } = await withApi(call, undefined, (api) => lookups.refreshContext(api, keys, file === undefined ? undefined : pathIn(call.inv, file)));
    for (const l of lines) printLine(call, l);
    return failed > 0 ? 1 : 0;
  }
  call.inv.stderr(`imco-bridge: 'context' needs 'refresh' or 'fetch'\n${call.usage}\n`);
  return 2;
}
