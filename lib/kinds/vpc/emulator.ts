// VPCs: the CIDR must be a network block (no host bits) between /8 and /28, the realm must be one
// of the cloud account's provider's realms (by provider name), `has_vpn` follows the VPC's VPN,
// and a VPC with subnets or a VPN cannot be deleted.
import { SUBNET_TYPES } from '../../catalog';
import type { KindBehaviour } from '../../emulator/behaviour';
import { parseCidr } from '../../emulator/cidr';
import type { ErrorCollector } from '../../emulator/http-errors';
import type { StoredObject } from '../../emulator/store';
import { providerOfAccount, realmsOf } from '../platform/providers';

export const VPC_MIN_PREFIX = 8;
export const VPC_MAX_PREFIX = 28;

/**
 * Subnets and VPNs are added only to an available VPC: records the problem on `vpc_id` when `vpc`
 * is not (naming what is added) and says whether it is.
 */
export function vpcIsAvailable(vpc: StoredObject, adding: string, errors: ErrorCollector): boolean {
  if (vpc.state === 'available') return true;
  errors.add('vpc_id', `VPC ${vpc.id} is ${String(vpc.state)}; wait until it is available before adding ${adding}`);
  return false;
}

export const vpcs: KindBehaviour = {
  kind: 'vpc',
  validateCreate(ctx, { fields }, errors) {
    const parsed = parseCidr(String(fields.cidr));
    if ('error' in parsed) errors.add('cidr', parsed.error);
    else if (parsed.cidr.prefix < VPC_MIN_PREFIX || parsed.cidr.prefix > VPC_MAX_PREFIX) {
      errors.add('cidr', `prefix /${parsed.cidr.prefix} is outside /${VPC_MIN_PREFIX}../${VPC_MAX_PREFIX}; choose a block such as 10.0.0.0/16`);
    }
    const provider = providerOfAccount(ctx, fields.cloud_account_id);
    if (provider) {
      const names = realmsOf(ctx, provider.id).map((r) => String(r.provider_name));
      if (!names.includes(String(fields.realm_provider_name))) {
        errors.add('realm_provider_name', `'${String(fields.realm_provider_name)}' is not a realm of ${String(provider.name)}; use one of ${names.join(', ')}`);
      }
    }
  },
  initialise(_ctx, obj) {
    const parsed = parseCidr(String(obj.cidr));
    if ('cidr' in parsed) obj.cidr = parsed.cidr.text;
    obj.has_vpn = false;
    obj.allowed_subnet_types = [...SUBNET_TYPES];
    obj.brownfield = false;
  },
  decorate(ctx, obj, out) {
    out.has_vpn = ctx.store.list('vpn').some((v) => v.vpc_id === obj.id);
  },
  checkDelete(ctx, obj, errors) {
    const subnets = ctx.store.list('subnet').filter((s) => s.vpc_id === obj.id);
    if (subnets.length > 0) {
      errors.add('base', `VPC still has ${subnets.length} subnet(s) (${subnets.map((s) => s.id).join(', ')}); delete them first`);
    }
    const vpn = ctx.store.list('vpn').find((v) => v.vpc_id === obj.id);
    if (vpn) errors.add('base', `VPC still has a VPN (${vpn.id}); delete it first with DELETE /network/vpcs/${obj.id}/vpn`);
  },
};
