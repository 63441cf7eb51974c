// FirewallProfile: a labelable set of allow rules (API reference §5.1). Rules are typed objects here
// and `{ ip_protocol, min_port, max_port, source }` on the wire; the whole set is mutable (one PUT).
import type { Construct } from 'constructs';
import { ImcoObject, type ImcoObjectProps } from '../../constructs/imco-object';
import { PORT_RANGE, checkRuleSource, isRulePort, ruleProtocol, type FirewallProtocol, type WireFirewallRule } from './rule';

export type { FirewallProtocol, WireFirewallRule } from './rule';

/** One allow rule. Give `port` for a single port, or `fromPort` and `toPort` for a range. */
export interface FirewallRule {
  readonly protocol: FirewallProtocol;
  /** A single port (0–65535). @default none: give fromPort/toPort instead */
  readonly port?: number;
  /** First port of a range (0–65535). @default none: give port instead */
  readonly fromPort?: number;
  /** Last port of a range (0–65535, ≥ fromPort). @default none: give port instead */
  readonly toPort?: number;
  /** Where traffic may come from: a CIDR block (`0.0.0.0/0`, `2001:db8::/32`), an IPv4 or IPv6 address, or `any`. */
  readonly source: string;
}

export interface FirewallProfileProps extends ImcoObjectProps {
  readonly name: string;
  /** @default '' */
  readonly description?: string;
  /** The complete rule set; IMCO replaces the whole set on update. @default [] */
  readonly rules?: readonly FirewallRule[];
}

const MAX_PORT = PORT_RANGE.max;

/** The problem with a rule's source in the construct's words, or undefined (then `source` is the value to send). */
function sourceProblem(value: unknown): { problem?: string; source?: string } {
  const check = checkRuleSource(value);
  switch (check.problem) {
    case undefined:
      return { source: check.source };
    case 'missing':
      return { problem: "source is required: a CIDR such as '0.0.0.0/0', an address, or 'any'" };
    case 'host-bits':
      return { problem: `source '${String(value)}' has host bits set; the network is ${check.network}` };
    default:
      return { problem: `source '${String(value)}' is neither a CIDR block, an IP address nor 'any'` };
  }
}

function portProblem(value: unknown, prop: string): string | undefined {
  if (!isRulePort(value)) {
    return `${prop} must be a whole number between 0 and ${MAX_PORT}, got ${JSON.stringify(value)}`;
  }
  return undefined;
}

/** Checks one rule and turns it into its wire form (undefined when it is invalid). */
function wireRule(rule: FirewallRule, at: string, problems: string[]): WireFirewallRule | undefined {
  const before = problems.length;
  const protocol = ruleProtocol(rule.protocol);
  if (!protocol) {
    problems.push(`${at}.protocol must be 'tcp' or 'udp', got ${JSON.stringify(rule.protocol)}`);
  }
  const hasPort = rule.port !== undefined;
  const hasRange = rule.fromPort !== undefined || rule.toPort !== undefined;
  let min: number | undefined;
  let max: number | undefined;
  if (hasPort && hasRange) {
    problems.push(`${at}: give either port or fromPort/toPort, not both`);
  } else if (hasPort) {
    const p = portProblem(rule.port, `${at}.port`);
    if (p) problems.push(p);
    min = max = rule.port;
  } else if (hasRange) {
    if (rule.fromPort === undefined || rule.toPort === undefined) {
      problems.push(`${at}: a port range needs both fromPort and toPort (for one port, give port)`);
    } else {
      const p1 = portProblem(rule.fromPort, `${at}.fromPort`);
      const p2 = portProblem(rule.toPort, `${at}.toPort`);
      if (p1) problems.push(p1);
      if (p2) problems.push(p2);
      if (!p1 && !p2 && rule.fromPort > rule.toPort) {
        problems.push(`${at}: fromPort ${rule.fromPort} is greater than toPort ${rule.toPort}; swap them`);
      }
      min = rule.fromPort;
      max = rule.toPort;
    }
  } else {
    problems.push(`${at}: give port, or fromPort and toPort (use fromPort: 0, toPort: 65535 for all ports)`);
  }
  const source = sourceProblem(rule.source);
  if (source.problem) problems.push(`${at}.${source.problem}`);
  if (problems.length > before) return undefined;
  return { ip_protocol: protocol!, min_port: min as number, max_port: max as number, source: source.source! };
}

/** An IMCO firewall profile. */
export class FirewallProfile extends ImcoObject {
  /** The rules as sent to IMCO. */
  readonly wireRules: readonly WireFirewallRule[];

  constructor(scope: Construct, id: string, props: FirewallProfileProps) {
    super(scope, id, 'firewall_profile', props);
    this.checkName(props.name);
    const problems: string[] = [];
    const rules: WireFirewallRule[] = [];
    const seen = new Map<string, number>();
    const given: unknown = props.rules ?? [];
    if (!Array.isArray(given)) problems.push('rules must be an array of rules');
    (Array.isArray(given) ? (given as FirewallRule[]) : []).forEach((rule, i) => {
      const wire = wireRule(rule ?? ({} as FirewallRule), `rules[${i}]`, problems);
      if (!wire) return;
      const key = `${wire.ip_protocol}/${wire.min_port}-${wire.max_port}/${wire.source}`;
      const first = seen.get(key);
      if (first !== undefined) {
        const ports = wire.min_port === wire.max_port ? `${wire.min_port}` : `${wire.min_port}-${wire.max_port}`;
        problems.push(`rules[${i}] duplicates rules[${first}] (${wire.ip_protocol} ${ports} from ${wire.source}); remove one of them`);
        return;
      }
      seen.set(key, i);
      rules.push(wire);
    });
    problems.forEach((p) => this.problem(p));
    this.wireRules = rules;
    this.encode({
      fields: {
        name: props.name,
        description: props.description ?? '',
        rules: rules.map((r) => ({ ...r })),
      },
    });
  }
}
