// Firewall profiles: rule validation (protocol tcp/udp in any case, also sent as `protocol`;
// ports 0-65535 with min <= max; source `any`, an address or a CIDR block, checked by ./rule.ts as the
// construct's are; optional `name`),
// rules normalised to the CLI's shape, the default profile cannot be deleted, and a profile in use
// by servers or server arrays cannot be deleted.
import type { KindBehaviour } from '../../emulator/behaviour';
import type { EmulatorServices } from '../../emulator/services';
import { ErrorCollector } from '../../emulator/http-errors';
import { isPlainObject } from '../../emulator/fields';
import type { StoredObject } from '../../emulator/store';
import { checkRuleSource, isRulePort, ruleProtocol, type SourceCheck, type WireFirewallRule } from './rule';

export interface FirewallRule extends WireFirewallRule {
  name?: string;
}

/** A source problem as IMCO words it. */
function sourceMessage(check: SourceCheck, source: unknown): string | undefined {
  switch (check.problem) {
    case undefined:
      return undefined;
    case 'missing':
      return "source is required; use a CIDR block such as 0.0.0.0/0, an IP address or 'any'";
    case 'host-bits':
      return `source '${String(source).trim()}' has host bits set; use ${check.network}`;
    default:
      return `source '${String(source).trim()}' is not a valid IPv4 CIDR block (a.b.c.d/n, e.g. 10.0.0.0/16), an IPv6 CIDR block, an IP address or 'any'`;
  }
}

/** Checks and normalises a rules array; messages go to the `rules` field, numbered from 1. */
export function readRules(rules: readonly unknown[], errors: ErrorCollector): FirewallRule[] {
  const out: FirewallRule[] = [];
  rules.forEach((raw, index) => {
    const where = `rule ${index + 1}`;
    if (!isPlainObject(raw)) return errors.add('rules', `${where} must be a JSON object`);
    const problems: string[] = [];
    const protocol = ruleProtocol(raw.ip_protocol ?? raw.protocol);
    if (!protocol) problems.push(`${where}: ip_protocol must be tcp or udp`);
    for (const port of ['min_port', 'max_port'] as const) {
      if (!isRulePort(raw[port])) problems.push(`${where}: ${port} must be an integer between 0 and 65535`);
    }
    if (isRulePort(raw.min_port) && isRulePort(raw.max_port) && raw.min_port > raw.max_port) {
      problems.push(`${where}: min_port ${raw.min_port} is greater than max_port ${raw.max_port}; swap them`);
    }
    const source = checkRuleSource(raw.source);
    const sourceProblem = sourceMessage(source, raw.source);
    if (sourceProblem) problems.push(`${where}: ${sourceProblem}`);
    if (raw.name !== undefined && raw.name !== null && typeof raw.name !== 'string') {
      problems.push(`${where}: name must be a string`);
    }
    if (problems.length > 0 || !protocol || source.problem !== undefined) return problems.forEach((p) => errors.add('rules', p));
    const rule: FirewallRule = { ip_protocol: protocol, min_port: raw.min_port as number, max_port: raw.max_port as number, source: source.source };
    if (typeof raw.name === 'string') rule.name = raw.name;
    out.push(rule);
  });
  return out;
}

function usersOf(ctx: EmulatorServices, profile: StoredObject): string[] {
  return [
    ...ctx.store.list('server').filter((s) => s.firewall_profile_id === profile.id).map((s) => `server ${s.id}`),
    ...ctx.store.list('server_array').filter((a) => a.firewall_profile_id === profile.id).map((a) => `server array ${a.id}`),
  ];
}

export const firewallProfiles: KindBehaviour = {
  kind: 'firewall_profile',
  validateCreate(_ctx, input, errors) {
    readRules((input.fields.rules as unknown[] | undefined) ?? [], errors);
  },
  initialise(_ctx, obj, input) {
    obj.default = false;
    obj.rules = readRules((input.fields.rules as unknown[] | undefined) ?? [], new ErrorCollector());
  },
  validateUpdate(_ctx, _obj, fields, errors) {
    return Array.isArray(fields.rules) ? { rules: readRules(fields.rules, errors) } : undefined;
  },
  checkDelete(ctx, obj, errors) {
    if (obj.default === true) errors.add('default', 'the default firewall profile cannot be deleted; servers fall back to it');
    const users = usersOf(ctx, obj);
    if (users.length > 0) errors.add('base', `firewall profile is in use by ${users.join(', ')}; move or decommission them first`);
  },
};
