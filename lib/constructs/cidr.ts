// Synth-time phrasing of CIDR problems (VPC and subnet CIDRs, firewall rule sources, VPN exposed
// networks) over the shared arithmetic of lib/core/cidr.ts.
import { formatIpv4, networkContains, networksOverlap, readIpv4Cidr, type Ipv4Network } from '../core/cidr';

export { formatIpv4, parseIpv4, type Ipv4Network } from '../core/cidr';

/**
 * Parses `a.b.c.d/n`. Returns the network, or a problem: bad syntax, or host bits set (with the
 * network the user probably meant).
 */
export function parseIpv4Cidr(text: string): { network?: Ipv4Network; problem?: string } {
  const read = readIpv4Cidr(text);
  if (!read) return { problem: `'${String(text)}' is not an IPv4 CIDR block; write it as a.b.c.d/n, e.g. 10.0.0.0/16` };
  if (read.hostBits) return { problem: `'${text}' has host bits set; the network is ${formatIpv4(read.network.base)}/${read.network.prefix}` };
  return { network: read.network };
}

/** True when `inner` lies entirely inside `outer`. */
export const cidrContains = networkContains;

/** True when the two networks share at least one address. */
export const cidrsOverlap = networksOverlap;
