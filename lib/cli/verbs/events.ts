// `imco-bridge events <construct path> [--stack DIR] [--limit N]`: recent IMCO audit events of a construct's object.
/* eslint-disable @typescript-eslint/no-require-imports */
import { invocationContext, withApi } from './open-api';
import { synthesizedSpec } from './synthesized-object';
import { printLine, type VerbCall } from './verb';

export async function run(call: VerbCall): Promise<number> {
  const [path] = call.args;
  if (!path) {
    call.inv.stderr(`${call.usage}\n`);
    return 2;
  }
  const spec = synthesizedSpec(call, path);
  const { recentEvents } = require('../../handlers/events') as typeof import('../../handlers/events');
  const limit = Number(call.flags.get('limit') ?? 20) || 20;
  const events = await withApi(call, spec, (api) => recentEvents(invocationContext(call, spec, api), limit));
  for (const e of events) {
    printLine(call, `${String(e.timestamp)}  ${String(e.level).padEnd(7)}  ${String(e.header)}${e.description ? ` — ${String(e.description)}` : ''}`);
  }
  if (events.length === 0) printLine(call, 'no events');
  return 0;
}
