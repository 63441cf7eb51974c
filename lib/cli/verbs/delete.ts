// `imco-bridge delete`: the lifecycle resource's destroy-time provisioner; its spec comes from the
// resource's recorded triggers, and it refuses an endpoint other than the one the object was made on.
/* eslint-disable @typescript-eslint/no-require-imports */
import { deadlineOf, invocationContext, withApi } from './open-api';
import { reconcile } from './object-spec';
import type { VerbCall } from './verb';

export async function run(call: VerbCall): Promise<number> {
  const { SPEC_VERSION, TRIGGERS_ENV } = require('../../spec/spec') as typeof import('../../spec/spec');
  const spec = reconcile().specFromTriggers(call.inv.env[TRIGGERS_ENV], SPEC_VERSION, call.inv.env);
  const deadline = deadlineOf(spec);
  await withApi(call, spec, (api) => reconcile().runDelete(invocationContext(call, spec, api, deadline)), deadline, true);
  return 0;
}
