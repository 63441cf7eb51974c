// The firewall rule shape, declared once (API reference §5.1): its wire fields (the catalog's
// `rules` items, hence the provider schema), its protocols, its port range, and the one check of
// protocols, ports and sources that the construct and the emulator both use.
import { isIPv6 } from 'node:net';
import type { FieldSpec } from '../../catalog/types';
import { parseCidr, parseIpv4 } from '../../emulator/cidr';

/** The port range of a firewall rule. */
export const PORT_RANGE = { min: 0, max: 65535 } as const;
export const FIREWALL_PROTOCOLS = ['tcp', 'udp'] as const;
export type FirewallProtocol = (typeof FIREWALL_PROTOCOLS)[number];

/** One firewall rule as the wire has it. */
export interface WireFirewallRule {
  ip_protocol: FirewallProtocol;
  min_port: number;
  max_port: number;
  /** A CIDR block, an IP address or `any`. */
  source: string;
  /** IMCO's optional rule name (accepted on input, never sent by the construct). */
  name?: string;
}

/** The wire fields of one rule: the catalog's `rules` items. */
export const FIREWALL_RULE_FIELDS: readonly FieldSpec[] = [
  { name: 'ip_protocol', type: 'string', required: true, enum: FIREWALL_PROTOCOLS, aliases: ['protocol'], description: 'tcp or udp' },
  { name: 'min_port', type: 'integer', required: true, ...PORT_RANGE },
  { name: 'max_port', type: 'integer', required: true, ...PORT_RANGE },
  { name: 'source', type: 'string', required: true, description: "a CIDR block, an IP address or 'any'" },
];

/** True for a whole number in the port range. */
export function isRulePort(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= PORT_RANGE.min && value <= PORT_RANGE.max;
}

/** A protocol in any case (`TCP`) as the wire has it (`tcp`), or undefined when it is not one. */
export function ruleProtocol(value: unknown): FirewallProtocol | undefined {
  const lower = typeof value === 'string' ? value.toLowerCase() : undefined;
  return (FIREWALL_PROTOCOLS as readonly (string | undefined)[]).includes(lower) ? (lower as FirewallProtocol) : undefined;
}

/** What is wrong with a rule's source; the construct and the emulator each phrase it for their reader. */
export type SourceCheck =
  | { readonly source: string; readonly problem?: undefined }
  | { readonly problem: 'missing' | 'malformed' }
  | { readonly problem: 'host-bits'; readonly network: string };

/**
 * Checks a rule's source: `any` (any case), an IPv4 or IPv6 address, or a CIDR block of either
 * (IPv4 blocks without host bits). IMCO's reference calls the source a CIDR and shows only IPv4
 * examples; IPv6 blocks are accepted by both the construct and the emulator. Returns the
 * normalised source (`any` lower-cased) or the problem.
 */
export function checkRuleSource(value: unknown): SourceCheck {
  if (typeof value !== 'string' || value.trim() === '') return { problem: 'missing' };
  const source = value.trim();
  if (source.toLowerCase() === 'any') return { source: 'any' };
  const slash = source.indexOf('/');
  if (slash < 0) return parseIpv4(source) !== undefined || isIPv6(source) ? { source } : { problem: 'malformed' };
  const address = source.slice(0, slash);
  const prefixText = source.slice(slash + 1);
  if (isIPv6(address)) return /^\d{1,3}$/.test(prefixText) && Number(prefixText) <= 128 ? { source } : { problem: 'malformed' };
  if (parseIpv4(address) === undefined || !/^\d{1,2}$/.test(prefixText) || Number(prefixText) > 32) return { problem: 'malformed' };
  const parsed = parseCidr(source);
  if ('error' in parsed) {
    const loose = parseCidr(source, true);
    return { problem: 'host-bits', network: 'cidr' in loose ? loose.cidr.text : source };
  }
  return { source };
}
