// Export hook of templates: name, generic image (lookup), run list, Supermarket cookbook versions,
// configuration attributes, and its boot / operational / shutdown scripts (construct references to
// the exported scripts), each a part resource imported as <template id>/<template script id>.
import type { LiveObject } from '../../handlers/api';
import type { KindExport, RenderContext } from '../../export/kind-export';

const TYPES = { boot: 'bootScripts', operational: 'operationalScripts', shutdown: 'shutdownScripts' } as const;
const ORDER: readonly string[] = Object.keys(TYPES);

function cookbooks(live: LiveObject): Record<string, string> | string {
  const out: Record<string, string> = {};
  const raw = typeof live.cookbook_versions === 'object' && live.cookbook_versions !== null ? (live.cookbook_versions as Record<string, unknown>) : {};
  for (const [name, v] of Object.entries(raw)) {
    const version = typeof v === 'string' ? v : (v as { version?: unknown } | null)?.version;
    if (typeof version !== 'string') return `cookbook '${name}' is an uploaded cookbook version (a CookbookVersion needs its source directory, which IMCO does not give back)`;
    out[name] = version;
  }
  return out;
}

function scriptLists(scripts: readonly LiveObject[], ctx: RenderContext): Record<string, string[]> | string {
  const lists: Record<string, string[]> = {};
  for (const s of scripts) {
    const script = ctx.ref('script', s.script_id);
    if (!script) return `its ${String(s.type)} script ${String(s.script_id)} is not exported`;
    const values = typeof s.parameter_values === 'object' && s.parameter_values !== null ? (s.parameter_values as Record<string, unknown>) : {};
    const entry = Object.keys(values).length > 0 ? `{ script: ${script}, parameterValues: ${ctx.literal(values)} }` : `{ script: ${script} }`;
    (lists[String(s.type)] ??= []).push(entry);
  }
  return lists;
}

export const templateExport: KindExport = {
  kind: 'template',
  className: 'Template',
  // The construct declares boot, then operational, then shutdown scripts, each in execution order.
  compareParts: (a, b) => ORDER.indexOf(String(a.type)) - ORDER.indexOf(String(b.type)) || Number(a.execution_order ?? 0) - Number(b.execution_order ?? 0),
  render: (o, ctx) => {
    const books = cookbooks(o.live);
    if (typeof books === 'string') return { skip: books };
    const scripts = o.parts?.template_script ?? [];
    const lists = scriptLists(scripts, ctx);
    if (typeof lists === 'string') return { skip: lists };
    const attributes = typeof o.live.configuration_attributes === 'object' && o.live.configuration_attributes !== null ? o.live.configuration_attributes : {};
    return {
      props: [
        ['name', ctx.literal(o.live.name)],
        ['genericImage', ctx.lookup('generic_image', o.live.generic_image_id)],
        ['runList', ctx.literal(Array.isArray(o.live.run_list) ? o.live.run_list : [])],
        ['cookbookVersions', ctx.literal(books)],
        ['configurationAttributes', ctx.literal(attributes)],
        ...Object.entries(TYPES)
          .filter(([type]) => lists[type])
          .map(([type, propName]): [string, string] => [propName, `[${lists[type].join(', ')}]`]),
      ],
      importId: o.id,
      // The construct declares boot, then operational, then shutdown scripts: the order read.
      partIds: scripts.map((s) => `${o.id}/${s.id}`),
    };
  },
};
