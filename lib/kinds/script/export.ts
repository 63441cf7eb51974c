// Export hook of scripts: name, description, code inline, parameters. Attachments are not exported
// (their files stay in IMCO; the summary lists them).
import type { KindExport } from '../../export/kind-export';

export const scriptExport: KindExport = {
  kind: 'script',
  className: 'Script',
  render: (o, ctx) => ({
    props: [
      ['name', ctx.literal(o.live.name)],
      ['description', ctx.literal(typeof o.live.description === 'string' ? o.live.description : '')],
      ['code', ctx.literal(typeof o.live.code === 'string' ? o.live.code : '')],
      ['parameters', ctx.literal(Array.isArray(o.live.parameters) ? o.live.parameters : [])],
    ],
    importId: o.id,
  }),
};
