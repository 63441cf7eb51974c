// `imco-bridge action`: an action resource's provisioner (reboot a server, run an operational script).
import { deadlineOf, handlerContext, withApi } from './open-api';
import { reconcile, specOfProvisioner, terraformIdOf } from './object-spec';
import type { VerbCall } from './verb';

export async function run(call: VerbCall): Promise<number> {
  const spec = specOfProvisioner(call);
  const deadline = deadlineOf(spec);
  await withApi(call, spec, (api) => reconcile().runAction(handlerContext(call, spec, api, deadline), terraformIdOf(call)), deadline);
  return 0;
}
