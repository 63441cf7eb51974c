// Address allocation: public addresses (servers, floating IPs) come from 198.18.0.0/15, a block
// reserved for testing; private addresses from the server's subnet, or from 10.200.0.0/16 when the
// server is on no IMCO-managed subnet. Counters are part of the persisted state.
import { formatIpv4, hostAddress, parseCidr, size } from '../../emulator/cidr';
import type { EmulatorServices } from '../../emulator/services';
import type { StoredObject } from '../../emulator/store';

const PUBLIC_POOL = 0xc6120000; // 198.18.0.0
const PUBLIC_POOL_SIZE = 2 ** 17 - 2;
const DEFAULT_PRIVATE = '10.200.0.0/16';

export function allocatePublicAddress(ctx: EmulatorServices): string {
  const n = ctx.store.next('public_address');
  return formatIpv4(PUBLIC_POOL + 1 + ((n - 1) % PUBLIC_POOL_SIZE));
}

/** The next host address of the server's subnet (skipping network, gateway-ish first hosts). */
export function allocatePrivateAddress(ctx: EmulatorServices, server: StoredObject): string {
  const subnet = typeof server.subnet_id === 'string' && server.subnet_id ? ctx.store.get('subnet', server.subnet_id) : undefined;
  const block = parseCidr(subnet ? String(subnet.cidr) : DEFAULT_PRIVATE);
  if ('error' in block) throw new Error(`unusable CIDR for ${server.id}: ${block.error}`);
  const n = ctx.store.next(`private_address:${subnet ? subnet.id : 'default'}`);
  const usable = Math.max(1, size(block.cidr) - 5);
  return hostAddress(block.cidr, 4 + ((n - 1) % usable));
}
