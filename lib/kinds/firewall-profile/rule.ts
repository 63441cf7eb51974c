// The firewall rule shape, declared once (API reference §5.1): its wire fields (the catalog's
// `rules` items, hence the provider schema), its protocols and its port range.
import type { FieldSpec } from '../../catalog/types';

/** The port range of a firewall rule. */
export const PORT_RANGE = { min: 0, max: 65535 } as const;
export const FIREWALL_PROTOCOLS = ['tcp', 'udp'] as const;
export type FirewallProtocol = (typeof FIREWALL_PROTOCOLS)[number];

/** One firewall rule as the wire has it. */
export interface WireFirewallRule {
  ip_protocol: FirewallProtocol;
  min_port: number;
  max_port: number;
  source: string;
  name?: string;
}

/** The wire fields of one rule: the catalog's `rules` items. */
export const FIREWALL_RULE_FIELDS: readonly FieldSpec[] = [
  { name: 'ip_protocol', type: 'string', required: true, enum: FIREWALL_PROTOCOLS, aliases: ['protocol'], description: 'tcp or udp' },
  { name: 'min_port', type: 'integer', required: true, ...PORT_RANGE },
  { name: 'max_port', type: 'integer', required: true, ...PORT_RANGE },
  { name: 'source', type: 'string', required: true, description: "a CIDR block, an IPv4 address or 'any'" },
];
