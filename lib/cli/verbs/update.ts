// `imco-bridge update`: the `_sync` resource's provisioner. Reports a create that failed earlier in
// the same apply, skips an object that create converged already, else converges the object.
/* eslint-disable @typescript-eslint/no-require-imports */
import { deadlineOf, invocationContext, withApi } from './open-api';
import { reconcile, specOfProvisioner, terraformIdOf } from './object-spec';
import { printLine, type VerbCall } from './verb';

export async function run(call: VerbCall): Promise<number> {
  const spec = specOfProvisioner(call);
  const { createFailure, terraformRunId, wasCreated } = require('../../handlers/run-marker') as typeof import('../../handlers/run-marker');
  const tfId = terraformIdOf(call);
  const runId = terraformRunId(undefined, call.inv.env);
  const failure = createFailure(tfId, runId, call.inv);
  if (failure !== undefined) {
    throw new Error(
      `its create failed earlier in this apply: ${failure || "see the create's output above"} — once that is fixed, ` +
        'terraform apply retries it here and adopts what the failed create made instead of duplicating it',
    );
  }
  // The create of this same Terraform run converged the object to this very spec already.
  if (wasCreated(tfId, runId, call.inv)) {
    printLine(call, `imco-bridge: ${spec.path}: created and converged by this apply; nothing to update`);
    return 0;
  }
  const deadline = deadlineOf(spec);
  await withApi(call, spec, (api) => reconcile().runUpdate(invocationContext(call, spec, api, deadline), tfId), deadline);
  return 0;
}
