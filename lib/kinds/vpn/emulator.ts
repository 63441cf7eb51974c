// VPNs (one per VPC) and VPN plans: a VPN needs an available VPC, a public IPv4 address, exposed
// CIDR blocks, a pre-shared key of 8-64 characters (never returned or quoted) and a VPN plan of
// the VPC's cloud provider. VPN plans are listed per VPC: the plans of its provider.
import type { KindBehaviour } from '../../emulator/behaviour';
import { parseCidr, parseIpv4 } from '../../emulator/cidr';
import { providerOfAccount } from '../platform/providers';
import { vpcIsAvailable } from '../vpc/emulator';

export const PSK_MIN_LENGTH = 8;
export const PSK_MAX_LENGTH = 64;

export const vpns: KindBehaviour = {
  kind: 'vpn',
  validateCreate(ctx, { fields, parent }, errors) {
    const vpc = parent!;
    vpcIsAvailable(vpc, 'a VPN', errors);
    if (parseIpv4(String(fields.public_ip)) === undefined) {
      errors.add('public_ip', `'${String(fields.public_ip)}' is not an IPv4 address; send the address of your VPN peer`);
    }
    for (const cidr of fields.exposed_cidrs as string[]) {
      const parsed = parseCidr(cidr);
      if ('error' in parsed) errors.add('exposed_cidrs', parsed.error);
    }
    const psk = String(fields.psk);
    if (psk.length < PSK_MIN_LENGTH || psk.length > PSK_MAX_LENGTH) {
      errors.add('psk', `must be ${PSK_MIN_LENGTH} to ${PSK_MAX_LENGTH} characters long`);
    }
    const provider = providerOfAccount(ctx, vpc.cloud_account_id);
    const plan = ctx.store.get('vpn_plan', String(fields.vpn_plan_id));
    if (provider && plan && plan.cloud_provider_id !== provider.id) {
      errors.add('vpn_plan_id', `VPN plan ${plan.id} belongs to another cloud provider; list this VPC's plans with GET /network/vpcs/${vpc.id}/vpn_plans`);
    }
  },
};

export const vpnPlans: KindBehaviour = {
  kind: 'vpn_plan',
  list(ctx, _req, vpc) {
    const provider = providerOfAccount(ctx, vpc?.cloud_account_id);
    return ctx.store.list('vpn_plan').filter((p) => provider !== undefined && p.cloud_provider_id === provider.id);
  },
};
