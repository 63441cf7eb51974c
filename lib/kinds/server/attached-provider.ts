// Provider hooks of the objects attached to a server (volumes, floating IPs): `attached_server_id`,
// attached and detached in place; null means detached.
import { type ProviderHooks, NO_PROVIDER_HOOKS, knownValue } from '../../provider/resources/kind-hooks';
import { serverKind } from './catalog';

export const attachedToServerProviderHooks: ProviderHooks = {
  ...NO_PROVIDER_HOOKS,
  attributes: [{ name: 'attached_server_id', type: 'string', optional: true, description: 'The server to attach to (attach/detach in place); null = detached.' }],
  specExtras: (v) => {
    const id = knownValue<string>(v.attached_server_id, 'string');
    return { attachTo: id ? { $ref: { kind: serverKind.kind, id } } : null };
  },
  fromLive: (live) => ({ attached_server_id: typeof live.attached_server_id === 'string' && live.attached_server_id ? live.attached_server_id : null }),
};
