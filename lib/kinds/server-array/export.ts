// Export hook of server arrays: like servers, plus the size (members are adopted with the array).
import { machineProps, powerStateOf } from '../server/export';
import type { KindExport } from '../../export/kind-export';

export const serverArrayExport: KindExport = {
  kind: 'server_array',
  className: 'ServerArray',
  render: (o, ctx) => {
    const size = Number(o.live.size ?? 0);
    // What the provider reads back: an empty inactive array is inactive, else by its state.
    const power = size === 0 && o.live.state === 'inactive' ? 'inactive' : powerStateOf(o.live);
    if (power !== 'operational' && power !== 'inactive') return { skip: `its state '${power}' is neither operational nor inactive: export it once it has settled` };
    return { props: [...machineProps(o.live, ctx), ['size', ctx.literal(size)], ['powerState', ctx.literal(power)]], importId: o.id };
  },
};
