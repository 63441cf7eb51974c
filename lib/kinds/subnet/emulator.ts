// Subnets: created only in an available VPC, with a network-block CIDR inside the VPC's CIDR that
// overlaps no other subnet of the VPC; a subnet with servers or server arrays cannot be deleted.
// Also serves the subnet's servers and server arrays.
import type { KindBehaviour } from '../../emulator/behaviour';
import { parseCidr, contains, overlaps } from '../../emulator/cidr';
import { findObject } from '../../emulator/crud';
import { ok } from '../../emulator/exchange';
import { renderKind } from '../../emulator/render';
import { vpcIsAvailable } from '../vpc/emulator';

export const SUBNET_MAX_PREFIX = 29;

export const subnets: KindBehaviour = {
  kind: 'subnet',
  validateCreate(ctx, { fields, parent }, errors) {
    const vpc = parent!;
    if (!vpcIsAvailable(vpc, 'subnets', errors)) return;
    const parsed = parseCidr(String(fields.cidr));
    if ('error' in parsed) return errors.add('cidr', parsed.error);
    const vpcCidr = parseCidr(String(vpc.cidr));
    if ('cidr' in vpcCidr && !contains(vpcCidr.cidr, parsed.cidr)) {
      return errors.add('cidr', `${parsed.cidr.text} is outside the VPC's CIDR ${vpcCidr.cidr.text}; choose a block inside it`);
    }
    if (parsed.cidr.prefix > SUBNET_MAX_PREFIX) {
      return errors.add('cidr', `prefix /${parsed.cidr.prefix} is too small for a subnet; use /${SUBNET_MAX_PREFIX} or larger`);
    }
    for (const other of ctx.store.list('subnet').filter((s) => s.vpc_id === vpc.id)) {
      const otherCidr = parseCidr(String(other.cidr));
      if ('cidr' in otherCidr && overlaps(otherCidr.cidr, parsed.cidr)) {
        errors.add('cidr', `${parsed.cidr.text} overlaps subnet ${other.id} (${otherCidr.cidr.text}) of the same VPC; choose a free block`);
      }
    }
  },
  initialise(_ctx, obj) {
    const parsed = parseCidr(String(obj.cidr));
    if ('cidr' in parsed) obj.cidr = parsed.cidr.text;
    obj.server_creation_disabled = false;
    obj.brownfield = false;
  },
  checkDelete(ctx, obj, errors) {
    const servers = ctx.store.list('server').filter((s) => s.subnet_id === obj.id);
    const arrays = ctx.store.list('server_array').filter((a) => a.subnet_id === obj.id);
    if (servers.length + arrays.length > 0) {
      errors.add('base', `subnet is used by ${[...servers.map((s) => `server ${s.id}`), ...arrays.map((a) => `server array ${a.id}`)].join(', ')}; decommission them first`);
    }
  },
  routes(add) {
    add('GET', '/network/subnets/{id}/servers', (ctx, req) => {
      const subnet = findObject(ctx, 'subnet', req.params.id);
      return ok(ctx.store.list('server').filter((s) => s.subnet_id === subnet.id).map((s) => renderKind(ctx, 'server', s, 'list')));
    });
    add('GET', '/network/subnets/{id}/server_arrays', (ctx, req) => {
      const subnet = findObject(ctx, 'subnet', req.params.id);
      return ok(ctx.store.list('server_array').filter((a) => a.subnet_id === subnet.id).map((a) => renderKind(ctx, 'server_array', a, 'list')));
    });
  },
};
