// `imco-bridge create`: the lifecycle resource's create-time provisioner (adopt or create the object).
import { deadlineOf, invocationContext, withApi } from './open-api';
import { reconcile, specOfProvisioner, terraformIdOf } from './object-spec';
import type { VerbCall } from './verb';

export async function run(call: VerbCall): Promise<number> {
  const spec = specOfProvisioner(call);
  const deadline = deadlineOf(spec);
  await withApi(call, spec, (api) => reconcile().runCreate(invocationContext(call, spec, api, deadline), terraformIdOf(call)), deadline);
  return 0;
}
