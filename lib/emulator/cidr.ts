// The emulator's phrasing of CIDR problems (IMCO's 422 messages) and its block shape, over the
// shared arithmetic of lib/core/cidr.ts.
import { addressIn, formatIpv4, networkContains, networkSize, readIpv4Cidr, type Ipv4Network } from '../core/cidr';

export { formatIpv4, parseIpv4 } from '../core/cidr';

export interface Cidr {
  /** Network address as an unsigned 32-bit integer. */
  readonly network: number;
  readonly prefix: number;
  readonly text: string;
}

/** Result of parsing a CIDR: the block, or a message saying what is wrong and how to fix it. */
export type CidrResult = { readonly cidr: Cidr } | { readonly error: string };

const asNetwork = (c: Cidr): Ipv4Network => ({ base: c.network, prefix: c.prefix, text: c.text });

/** Parses `a.b.c.d/n`; with `allowHostBits` false a block like 10.0.0.1/16 is refused. */
export function parseCidr(text: string, allowHostBits = false): CidrResult {
  const read = readIpv4Cidr(text);
  if (!read) return { error: `'${text}' is not a valid IPv4 CIDR block; write it as a.b.c.d/n, e.g. 10.0.0.0/16` };
  const { base, prefix } = read.network;
  if (!allowHostBits && read.hostBits) return { error: `'${text}' has host bits set; use ${formatIpv4(base)}/${prefix}` };
  return { cidr: { network: base, prefix, text: read.network.text } };
}

export function size(cidr: Cidr): number {
  return networkSize(cidr);
}

/** Whether `inner` lies completely inside `outer`. */
export function contains(outer: Cidr, inner: Cidr): boolean {
  return networkContains(asNetwork(outer), asNetwork(inner));
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return contains(a, b) || contains(b, a);
}

/** The n-th address of a block (0 = network address). */
export function hostAddress(cidr: Cidr, index: number): string {
  return addressIn(asNetwork(cidr), index);
}
