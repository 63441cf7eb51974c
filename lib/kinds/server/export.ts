// Export hook of servers (members of arrays are left out: they come with the array): template, plan and account (lookups), SSH and
// firewall profiles and subnet (construct references when exported, else ids), privateness, power state.
import { prop, str, type KindExport } from '../../export/kind-export';
import type { LiveObject } from '../../handlers/api';
import type { RenderContext } from '../../export/kind-export';

/** The power state the provider reads back from a server-like object's state. */
export function powerStateOf(live: LiveObject): string {
  const state = String(live.state ?? '');
  if (['operational', 'booting', 'bootstrapping'].includes(state)) return 'operational';
  if (['inactive', 'shutting_down', 'commissioning'].includes(state)) return 'inactive';
  return state;
}

/** Props servers and server arrays share. */
export function machineProps(live: LiveObject, ctx: RenderContext): (readonly [string, string])[] {
  return [
    ['name', ctx.literal(live.name)],
    ['template', ctx.refOrId('template', live.template_id)],
    ['cloudAccount', ctx.lookup('cloud_account', live.cloud_account_id)],
    ['serverPlan', ctx.lookup('server_plan', live.server_plan_id)],
    ...prop('sshProfile', str(live.ssh_profile_id) ? ctx.refOrId('ssh_profile', live.ssh_profile_id) : undefined),
    ...prop('firewallProfile', str(live.firewall_profile_id) ? ctx.refOrId('firewall_profile', live.firewall_profile_id) : undefined),
    ...prop('subnet', str(live.subnet_id) ? ctx.refOrId('subnet', live.subnet_id) : undefined),
    ...prop('privateness', typeof live.privateness === 'boolean' ? ctx.literal(live.privateness) : undefined),
  ];
}

export const serverExport: KindExport = {
  kind: 'server',
  className: 'Server',
  carriedBy: (live) => (str(live.server_array_id) ? `member of server array ${String(live.server_array_id)} (exported with the array)` : undefined),
  render: (o, ctx) => {
    const power = powerStateOf(o.live);
    if (power !== 'operational' && power !== 'inactive') return { skip: `its state '${power}' is neither operational nor inactive: export it once it has settled` };
    return { props: [...machineProps(o.live, ctx), ['powerState', ctx.literal(power)]], importId: o.id };
  },
};
