// Floating IPs: allocated in a realm of the cloud account's provider with an address from the
// emulator's public pool; attach (POST …/attached_server) to an available server of the same cloud
// account, answering the Server; detach (DELETE …/attached_server); an attached floating IP cannot
// be deleted. Lists accept the `server_id` filter.
import type { KindBehaviour } from '../../emulator/behaviour';
import { unprocessable } from '../../emulator/http-errors';
import { allocatePublicAddress } from '../server/addresses';
import { providerOfAccount } from '../platform/providers';
import { checkAttachableServer, listFilteredByServer } from '../server/attachments';

export const floatingIps: KindBehaviour = {
  kind: 'floating_ip',
  validateCreate(ctx, { fields }, errors) {
    const provider = providerOfAccount(ctx, fields.cloud_account_id);
    const realm = ctx.store.get('realm', String(fields.realm_id));
    if (provider && realm && realm.cloud_provider_id !== provider.id) {
      errors.add('realm_id', `realm ${realm.id} belongs to another cloud provider; list ${String(provider.name)}'s realms with GET /cloud/cloud_providers/${provider.id}/realms`);
    }
  },
  initialise(ctx, obj) {
    obj.address = allocatePublicAddress(ctx);
    obj.attached_server_id = null;
    obj.brownfield = false;
  },
  list: listFilteredByServer('floating_ip'),
  actions: {
    attach(ctx, ip, input) {
      if (ip.state !== 'available') throw unprocessable('state', `floating IP ${ip.id} is ${String(ip.state)}; wait until it is available`);
      const server = checkAttachableServer(ctx, ip, String(input.attached_server_id));
      if (ip.attached_server_id && ip.attached_server_id !== server.id) {
        throw unprocessable('attached_server_id', `floating IP ${ip.id} is attached to server ${String(ip.attached_server_id)}; detach it first`);
      }
      ip.attached_server_id = server.id;
    },
    detach(_ctx, ip) {
      if (!ip.attached_server_id) throw unprocessable('attached_server_id', `floating IP ${ip.id} is not attached to any server`);
      ip.attached_server_id = null;
    },
  },
  checkDelete(_ctx, ip, errors) {
    if (ip.attached_server_id) errors.add('attached_server_id', `floating IP is attached to server ${String(ip.attached_server_id)}; detach it first`);
  },
};
