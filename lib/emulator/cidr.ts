// IPv4 addresses and CIDR blocks: strict parsing (no leading zeros, prefix 0-32, no host bits for
// network blocks), containment and overlap checks, and host addresses inside a block.

export interface Cidr {
  /** Network address as an unsigned 32-bit integer. */
  readonly network: number;
  readonly prefix: number;
  readonly text: string;
}

const OCTET = /^(0|[1-9]\d{0,2})$/;

export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => OCTET.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

function mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** Result of parsing a CIDR: the block, or a message saying what is wrong and how to fix it. */
export type CidrResult = { readonly cidr: Cidr } | { readonly error: string };

/** Parses `a.b.c.d/n`; with `allowHostBits` false a block like 10.0.0.1/16 is refused. */
export function parseCidr(text: string, allowHostBits = false): CidrResult {
  const match = /^([^/]+)\/(\d{1,2})$/.exec(text);
  const address = match ? parseIpv4(match[1]) : undefined;
  const prefix = match ? Number(match[2]) : NaN;
  if (!match || address === undefined || prefix > 32) {
    return { error: `'${text}' is not a valid IPv4 CIDR block; write it as a.b.c.d/n, e.g. 10.0.0.0/16` };
  }
  const network = (address & mask(prefix)) >>> 0;
  if (!allowHostBits && network !== address) {
    return { error: `'${text}' has host bits set; use ${formatIpv4(network)}/${prefix}` };
  }
  return { cidr: { network, prefix, text: `${formatIpv4(network)}/${prefix}` } };
}

export function size(cidr: Cidr): number {
  return 2 ** (32 - cidr.prefix);
}

/** Whether `inner` lies completely inside `outer`. */
export function contains(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && ((inner.network & mask(outer.prefix)) >>> 0) === outer.network;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  return contains(a, b) || contains(b, a);
}

/** The n-th address of a block (0 = network address). */
export function hostAddress(cidr: Cidr, index: number): string {
  return formatIpv4(cidr.network + (index % size(cidr)));
}
