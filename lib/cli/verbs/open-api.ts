// The handlers' IMCO API for one verb, built from the invocation's credentials, refusing to act on
// another platform than the one the stack was synthesized for (lib/spec/platform.ts).
/* eslint-disable @typescript-eslint/no-require-imports */
import type { BridgeSpec } from '../../spec/spec';
import type { BridgeApi } from '../../handlers/api';
import type { InvocationContext } from '../../handlers/invocation-context';
import type { VerbCall } from './verb';

/**
 * Builds the API for a spec and refuses to act on another platform than the one the stack was
 * synthesized for (`/v2` and `/v3` are one platform). A delete (`recorded`: the endpoint the object
 * was created on, from the lifecycle resource's state) also refuses another address of the same
 * platform: Terraform replaces every object when the endpoint changes, and only `imco-bridge
 * repoint` makes that change without re-creating them. With a `deadline` (an object's invocation),
 * no request outlives it: a hung or trickling IMCO cannot hold a provisioner past the object's timeoutSeconds.
 */
export function openApi(call: VerbCall, spec: BridgeSpec | undefined, deadline?: number, recorded = false): BridgeApi {
  const { clientApi } = require('../../handlers/client-api') as typeof import('../../handlers/client-api');
  const { samePlatform, sameEndpoint } = require('../../spec/platform') as typeof import('../../spec/platform');
  const api = clientApi({ verbose: call.verbose, deadline, invocation: call.inv });
  const refuse = (text: string): never => {
    api.close();
    throw new (require('../../handlers/errors') as typeof import('../../handlers/errors')).BridgeError(text);
  };
  if (!spec || !spec.endpoint) return api;
  if (!samePlatform(spec.endpoint, api.endpoint)) {
    refuse(
      `${spec.path} was ${recorded ? 'created on' : 'synthesized for'} ${spec.endpoint} but the credentials point at ${api.endpoint}; ` +
        `refusing to act on another IMCO platform. Use the credentials of ${spec.endpoint}, or re-synthesize for the new endpoint ` +
        `(if it is the same platform under another address, then run 'imco-bridge repoint' in the stack directory)`,
    );
  }
  if (recorded && !sameEndpoint(spec.endpoint, api.endpoint)) {
    refuse(
      `${spec.path} was created on ${spec.endpoint}, and the stack now points at ${api.endpoint}, the same platform: ` +
        `refusing to delete it (a changed endpoint makes Terraform replace every object, which would re-create them all). ` +
        `Run 'imco-bridge repoint' in the stack directory ` +
        `(it records ${api.endpoint} in the Terraform state; nothing is re-created), then run terraform again`,
    );
  }
  return api;
}

/** The invocation context of one object, its progress lines on the invocation's stdout. */
export function invocationContext(call: VerbCall, spec: BridgeSpec, api: BridgeApi, deadline?: number): InvocationContext {
  const { makeInvocationContext } = require('../../handlers/invocation-context') as typeof import('../../handlers/invocation-context');
  return makeInvocationContext(spec, api, undefined, deadline, call.inv);
}

/** The deadline of one invocation for `spec` (timeoutSeconds, else the kind's default). */
export function deadlineOf(spec: BridgeSpec): number {
  return (require('../../handlers/invocation-context') as typeof import('../../handlers/invocation-context')).deadlineOf(spec);
}

/** Runs `fn` with an API opened for `spec`, closing it afterwards. */
export async function withApi<T>(call: VerbCall, spec: BridgeSpec | undefined, fn: (api: BridgeApi) => Promise<T>, deadline?: number, recorded = false): Promise<T> {
  const api = openApi(call, spec, deadline, recorded);
  try {
    return await fn(api);
  } finally {
    api.close();
  }
}
