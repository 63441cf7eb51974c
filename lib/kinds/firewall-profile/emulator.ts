// Firewall profiles: rule validation (protocol tcp/udp in any case, also sent as `protocol`;
// ports 0-65535 with min <= max; source `any`, an IPv4 address or a CIDR block; optional `name`),
// rules normalised to the CLI's shape, the default profile cannot be deleted, and a profile in use
// by servers or server arrays cannot be deleted.
import { FIREWALL_PROTOCOLS, PORT_RANGE } from '../../catalog';
import { parseCidr, parseIpv4 } from '../../emulator/cidr';
import type { KindBehaviour } from '../../emulator/behaviour';
import type { EmulatorContext } from '../../emulator/context';
import { ErrorCollector } from '../../emulator/http-errors';
import { isPlainObject } from '../../emulator/fields';
import type { StoredObject } from '../../emulator/store';

export interface FirewallRule {
  ip_protocol: 'tcp' | 'udp';
  min_port: number;
  max_port: number;
  source: string;
  name?: string;
}

function isPort(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= PORT_RANGE.min && value <= PORT_RANGE.max;
}

/** Checks and normalises a rules array; messages go to the `rules` field, numbered from 1. */
export function readRules(rules: readonly unknown[], errors: ErrorCollector): FirewallRule[] {
  const out: FirewallRule[] = [];
  rules.forEach((raw, index) => {
    const where = `rule ${index + 1}`;
    if (!isPlainObject(raw)) return errors.add('rules', `${where} must be a JSON object`);
    const problems: string[] = [];
    const protocolValue = raw.ip_protocol ?? raw.protocol;
    const protocol = typeof protocolValue === 'string' ? protocolValue.toLowerCase() : undefined;
    if (!(FIREWALL_PROTOCOLS as readonly (string | undefined)[]).includes(protocol)) {
      problems.push(`${where}: ip_protocol must be tcp or udp`);
    }
    for (const port of ['min_port', 'max_port'] as const) {
      if (!isPort(raw[port])) problems.push(`${where}: ${port} must be an integer between 0 and 65535`);
    }
    if (isPort(raw.min_port) && isPort(raw.max_port) && raw.min_port > raw.max_port) {
      problems.push(`${where}: min_port ${raw.min_port} is greater than max_port ${raw.max_port}; swap them`);
    }
    const source = typeof raw.source === 'string' ? raw.source.trim() : undefined;
    if (source === undefined || source === '') {
      problems.push(`${where}: source is required; use a CIDR block such as 0.0.0.0/0, an IPv4 address or 'any'`);
    } else if (source.toLowerCase() !== 'any' && parseIpv4(source) === undefined) {
      const parsed = parseCidr(source);
      if ('error' in parsed) problems.push(`${where}: source ${parsed.error}, an IPv4 address or 'any'`);
    }
    if (raw.name !== undefined && raw.name !== null && typeof raw.name !== 'string') {
      problems.push(`${where}: name must be a string`);
    }
    if (problems.length > 0) return problems.forEach((p) => errors.add('rules', p));
    const rule: FirewallRule = {
      ip_protocol: protocol as 'tcp' | 'udp',
      min_port: raw.min_port as number,
      max_port: raw.max_port as number,
      source: source!.toLowerCase() === 'any' ? 'any' : source!,
    };
    if (typeof raw.name === 'string') rule.name = raw.name;
    out.push(rule);
  });
  return out;
}

function usersOf(ctx: EmulatorContext, profile: StoredObject): string[] {
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
