// The declaration a prune, prune-record or sweep provisioner acts on, from its environment.
/* eslint-disable @typescript-eslint/no-require-imports */
import type { PruneTriggers } from '../../handlers/prune';
import type { VerbCall } from './verb';

export function pruneTriggersOf(call: VerbCall): PruneTriggers {
  const { TRIGGERS_ENV } = require('../../spec/spec') as typeof import('../../spec/spec');
  const { parsePruneTriggers } = require('../../handlers/prune') as typeof import('../../handlers/prune');
  return parsePruneTriggers(call.inv.env[TRIGGERS_ENV], call.inv.env);
}
