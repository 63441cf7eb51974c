// The spec a create, update or action provisioner acts on: IMCO_BRIDGE_SPEC of its environment.
/* eslint-disable @typescript-eslint/no-require-imports */
import type { BridgeSpec } from '../../spec/spec';
import type { VerbCall } from './verb';

/** The synthesized spec in the invocation's environment (a one-line error when absent or broken). */
export function specOfProvisioner(call: VerbCall): BridgeSpec {
  const { parseSpec, SPEC_ENV } = require('../../spec/spec') as typeof import('../../spec/spec');
  return parseSpec(call.inv.env[SPEC_ENV]);
}

/** The Terraform resource id of the provisioner's resource (run markers are named after it). */
export function terraformIdOf(call: VerbCall): string | undefined {
  const { TF_ID_ENV } = require('../../spec/spec') as typeof import('../../spec/spec');
  return call.inv.env[TF_ID_ENV];
}

/** The handlers' reconcile module, loaded when a verb needs it. */
export function reconcile(): typeof import('../../handlers/reconcile') {
  return require('../../handlers/reconcile') as typeof import('../../handlers/reconcile');
}
