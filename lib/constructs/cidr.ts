// IPv4 address and CIDR arithmetic for synth-time validation (VPC and subnet CIDRs, firewall rule
// sources, VPN exposed networks): syntax, host bits, containment and overlap.

/** A parsed IPv4 network. */
export interface Ipv4Network {
  /** Network address as an unsigned 32-bit number. */
  readonly base: number;
  readonly prefix: number;
  /** Canonical text, e.g. `10.0.0.0/16`. */
  readonly text: string;
}

/** Parses a dotted-quad IPv4 address; undefined when it is not one. */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || (part.length > 1 && part.startsWith('0'))) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = value * 256 + n;
  }
  return value;
}

export function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/**
 * Parses `a.b.c.d/n`. Returns the network, or a problem: bad syntax, or host bits set (with the
 * network the user probably meant).
 */
export function parseIpv4Cidr(text: string): { network?: Ipv4Network; problem?: string } {
  const m = /^([0-9.]+)\/(\d{1,2})$/.exec(typeof text === 'string' ? text : '');
  const address = m ? parseIpv4(m[1]) : undefined;
  const prefix = m ? Number(m[2]) : NaN;
  if (!m || address === undefined || prefix > 32) {
    return { problem: `'${String(text)}' is not an IPv4 CIDR block; write it as a.b.c.d/n, e.g. 10.0.0.0/16` };
  }
  const base = (address & maskOf(prefix)) >>> 0;
  if (base !== address) {
    return { problem: `'${text}' has host bits set; the network is ${formatIpv4(base)}/${prefix}` };
  }
  return { network: { base, prefix, text: `${formatIpv4(base)}/${prefix}` } };
}

/** Number of addresses in a network. */
function sizeOf(n: Ipv4Network): number {
  return 2 ** (32 - n.prefix);
}

/** True when `inner` lies entirely inside `outer`. */
export function cidrContains(outer: Ipv4Network, inner: Ipv4Network): boolean {
  return inner.prefix >= outer.prefix && inner.base >= outer.base && inner.base + sizeOf(inner) <= outer.base + sizeOf(outer);
}

/** True when the two networks share at least one address. */
export function cidrsOverlap(a: Ipv4Network, b: Ipv4Network): boolean {
  return a.base < b.base + sizeOf(b) && b.base < a.base + sizeOf(a);
}
