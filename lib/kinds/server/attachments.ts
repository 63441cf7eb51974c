// Rules shared by volumes and floating IPs attached to servers: the server must exist, belong to
// the same cloud account and not be commissioning or decommissioning; lists filter by `server_id`.
import type { EmulatorServices } from '../../emulator/services';
import { findObject } from '../../emulator/crud';
import type { ApiRequest } from '../../emulator/exchange';
import { unprocessable } from '../../emulator/http-errors';
import type { StoredObject } from '../../emulator/store';

export function checkAttachableServer(ctx: EmulatorServices, thing: StoredObject, serverId: string): StoredObject {
  const server = findObject(ctx, 'server', serverId);
  if (server.cloud_account_id !== thing.cloud_account_id) {
    throw unprocessable('attached_server_id', `server ${server.id} is in cloud account ${String(server.cloud_account_id)}, not ${String(thing.cloud_account_id)}; attach to a server of the same cloud account`);
  }
  if (server.state === 'commissioning' || server.state === 'decommissioning') {
    throw unprocessable('attached_server_id', `server ${server.id} is ${String(server.state)}; wait until it is inactive or operational`);
  }
  return server;
}

/** The list hook of volumes and floating IPs: the kind's objects, with the optional `?server_id=` filter. */
export function listFilteredByServer(kind: string): (ctx: EmulatorServices, req: ApiRequest) => StoredObject[] {
  return (ctx, req) => {
    const serverId = req.query.get('server_id');
    const objects = ctx.store.list(kind);
    return serverId ? objects.filter((o) => o.attached_server_id === serverId) : objects;
  };
}
