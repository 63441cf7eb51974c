// IPv4 address and CIDR arithmetic, the one implementation the constructs (synth-time validation)
// and the emulator (IMCO's own checks) share: strict parsing (no leading zeros, prefix 0-32),
// host bits, containment, overlap and the n-th address of a block. Callers phrase their own errors.

/** A parsed IPv4 network. */
export interface Ipv4Network {
  /** Network address as an unsigned 32-bit number. */
  readonly base: number;
  readonly prefix: number;
  /** Canonical text, e.g. `10.0.0.0/16`. */
  readonly text: string;
}

const OCTET = /^(0|[1-9]\d{0,2})$/;

/** Parses a dotted-quad IPv4 address; undefined when it is not one. */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => OCTET.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

export function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/**
 * Reads `a.b.c.d/n`: undefined when it is not that; else the network it names and whether the
 * address had host bits set (`10.0.0.1/16` names 10.0.0.0/16 with host bits).
 */
export function readIpv4Cidr(text: unknown): { readonly network: Ipv4Network; readonly hostBits: boolean } | undefined {
  const m = /^([^/]+)\/(\d{1,2})$/.exec(typeof text === 'string' ? text : '');
  const address = m ? parseIpv4(m[1]) : undefined;
  const prefix = m ? Number(m[2]) : NaN;
  if (!m || address === undefined || prefix > 32) return undefined;
  const base = (address & maskOf(prefix)) >>> 0;
  return { network: { base, prefix, text: `${formatIpv4(base)}/${prefix}` }, hostBits: base !== address };
}

/** Number of addresses in a network. */
export function networkSize(n: Pick<Ipv4Network, 'prefix'>): number {
  return 2 ** (32 - n.prefix);
}

/** True when `inner` lies entirely inside `outer`. */
export function networkContains(outer: Ipv4Network, inner: Ipv4Network): boolean {
  return inner.prefix >= outer.prefix && ((inner.base & maskOf(outer.prefix)) >>> 0) === outer.base;
}

/** True when the two networks share at least one address (for CIDR blocks: one holds the other). */
export function networksOverlap(a: Ipv4Network, b: Ipv4Network): boolean {
  return networkContains(a, b) || networkContains(b, a);
}

/** The n-th address of a network (0 = the network address), wrapping around its size. */
export function addressIn(n: Ipv4Network, index: number): string {
  return formatIpv4(n.base + (index % networkSize(n)));
}
