// Export hook of firewall profiles: name, description, rules (`{ ip_protocol, min_port, max_port,
// source }` on the wire → `{ protocol, port | fromPort + toPort, source }`); the account's default
// profile (seeded by the platform, read-only) is left out.
import { prop, str, type KindExport } from '../../export/kind-export';

interface WireRule {
  readonly ip_protocol?: unknown;
  readonly min_port?: unknown;
  readonly max_port?: unknown;
  readonly source?: unknown;
}

function ruleOf(r: WireRule): Record<string, unknown> | undefined {
  if (r.ip_protocol !== 'tcp' && r.ip_protocol !== 'udp') return undefined;
  const ports = r.min_port === r.max_port ? { port: r.min_port } : { fromPort: r.min_port, toPort: r.max_port };
  return { protocol: r.ip_protocol, ...ports, source: r.source };
}

export const firewallProfileExport: KindExport = {
  kind: 'firewall_profile',
  className: 'FirewallProfile',
  defaultReason: (live) => (live.default === true ? "the account's default firewall profile (read-only)" : undefined),
  render: (o, ctx) => {
    const wire = Array.isArray(o.live.rules) ? (o.live.rules as WireRule[]) : [];
    const rules = wire.map(ruleOf);
    const bad = wire.find((_, i) => !rules[i]);
    if (bad) return { skip: `rule protocol '${String(bad.ip_protocol)}' has no FirewallRule form (tcp and udp only)` };
    return {
      props: [
        ['name', ctx.literal(o.live.name)],
        ...prop('description', str(o.live.description) !== undefined ? ctx.literal(o.live.description) : undefined),
        ['rules', ctx.literal(rules)],
      ],
      importId: o.id,
    };
  },
};
