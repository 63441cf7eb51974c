// Volumes: the storage plan must belong to the cloud account's provider and not be deprecated,
// and the size (GB, integer) must lie within the plan's min_size..max_size; the realm comes from
// the plan. Attach (available → attaching → attached) to a server of the same cloud account gets
// the next free device name; detach (attached → detaching → available) clears it. Only an
// unattached volume can be deleted (catalog deleteFrom). Lists accept `server_id`.
import type { KindBehaviour } from '../../emulator/behaviour';
import { randomBytes } from 'node:crypto';
import type { EmulatorServices } from '../../emulator/services';
import { providerOfAccount } from '../platform/providers';
import { checkAttachableServer, listFilteredByServer } from '../server/attachments';

const DEVICE_LETTERS = 'fghijklmnop';

function nextDevice(ctx: EmulatorServices, serverId: string): string {
  const used = new Set(ctx.store.list('volume').filter((v) => v.attached_server_id === serverId).map((v) => v.device));
  const letter = [...DEVICE_LETTERS].find((l) => !used.has(`/dev/xvd${l}`));
  if (!letter) throw new Error(`server ${serverId} has no free device name`);
  return `/dev/xvd${letter}`;
}

export const volumes: KindBehaviour = {
  kind: 'volume',
  validateCreate(ctx, { fields }, errors) {
    const plan = ctx.store.get('storage_plan', String(fields.storage_plan_id))!;
    const provider = providerOfAccount(ctx, fields.cloud_account_id);
    if (provider && plan.cloud_provider_id !== provider.id) {
      errors.add('storage_plan_id', `storage plan '${String(plan.name)}' belongs to another cloud provider; list ${String(provider.name)}'s plans with GET /cloud/cloud_providers/${provider.id}/storage_plans`);
    }
    if (plan.deprecated === true) errors.add('storage_plan_id', `storage plan '${String(plan.name)}' is deprecated; choose a current plan`);
    const size = fields.size as number;
    const min = plan.min_size as number;
    const max = plan.max_size as number;
    if (size < min || size > max) {
      errors.add('size', `${size} GB is outside storage plan '${String(plan.name)}' bounds; use ${min} to ${max} GB`);
    }
  },
  initialise(ctx, obj) {
    const plan = ctx.store.get('storage_plan', String(obj.storage_plan_id))!;
    obj.device = '';
    obj.remote_id = `vol-${randomBytes(9).toString('hex').slice(0, 17)}`;
    obj.realm_id = plan.realm_id;
    obj.attached_server_id = null;
    obj.brownfield = false;
  },
  list: listFilteredByServer('volume'),
  actions: {
    attach(ctx, volume, input) {
      const server = checkAttachableServer(ctx, volume, String(input.attached_server_id));
      volume.device = nextDevice(ctx, server.id);
      volume.attached_server_id = server.id;
    },
  },
  onState(_ctx, volume, previous, next) {
    if (next === 'available' && previous === 'detaching') {
      volume.attached_server_id = null;
      volume.device = '';
    }
  },
};

/** Frees the volumes of a server that leaves the platform. */
export function releaseVolumesOf(ctx: EmulatorServices, serverId: string): void {
  for (const volume of ctx.store.list('volume').filter((v) => v.attached_server_id === serverId)) {
    ctx.machine.cancel('volume', volume.id);
    volume.attached_server_id = null;
    volume.device = '';
    volume.state = 'available';
  }
  for (const ip of ctx.store.list('floating_ip').filter((f) => f.attached_server_id === serverId)) ip.attached_server_id = null;
  ctx.store.changed();
}
