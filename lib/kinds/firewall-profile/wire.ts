// The IMCO API v2 wire types of firewall profile objects (snake_case, as IMCO sends and accepts them).
import type { Labelled } from '../../client/types';
import type { WireFirewallRule } from './rule';

/** One rule as IMCO answers it (declared once, in ./rule.ts). */
export type FirewallRule = WireFirewallRule;

export interface FirewallProfile extends Labelled {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly default?: boolean;
  readonly rules?: FirewallRule[];
  readonly resource_type?: string;
}

export interface FirewallProfileCreate {
  readonly name: string;
  readonly description?: string;
  readonly rules?: readonly FirewallRule[];
  readonly label_ids?: readonly string[];
}

export interface FirewallProfileUpdate {
  readonly name?: string;
  readonly description?: string;
  /** Replaces the whole rule set. */
  readonly rules?: readonly FirewallRule[];
}
