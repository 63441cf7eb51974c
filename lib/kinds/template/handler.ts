// Templates: converge the boot/operational/shutdown script lists (add, remove, re-parameterise,
// reorder) and compile until ready.
import type { TemplateScriptSpec } from '../../spec/spec';
import { TEMPLATE_SCRIPT_TYPES } from '../../catalog';
import type { LiveObject } from '../../handlers/api';
import { type InvocationContext, waitForState } from '../../handlers/invocation-context';
import { sameValue } from '../../handlers/compare';
import type { KindBehaviour } from '../../handlers/kinds/behaviour';

interface Desired {
  readonly scriptId: string;
  readonly parameterValues: Readonly<Record<string, string>>;
}

/** Converges one script type's list; returns true when anything changed. */
async function convergeScripts(ctx: InvocationContext, templateId: string, type: string, desired: Desired[]): Promise<boolean> {
  const parent = { template_id: templateId };
  const listOfType = () => ctx.api.call<LiveObject[]>('template_script.list', parent, undefined, { type });
  const live = (await listOfType())
    .filter((s) => s.type === type)
    .sort((a, b) => Number(a.execution_order) - Number(b.execution_order));
  const used = new Set<string>();
  const order: string[] = [];
  let changed = false;
  // Match each desired entry to a live one with the same script, preferring the same position.
  const matches: (LiveObject | undefined)[] = desired.map((d, i) => {
    const same = live[i] && live[i].script_id === d.scriptId && !used.has(live[i].id) ? live[i] : undefined;
    const m = same ?? live.find((l) => l.script_id === d.scriptId && !used.has(l.id));
    if (m) used.add(m.id);
    return m;
  });
  for (const l of live) {
    if (!used.has(l.id)) {
      ctx.log(`removing ${type} script ${String(l.script_id)} from the template`);
      await ctx.api.call('template_script.delete', { ...parent, id: l.id });
      changed = true;
    }
  }
  for (let i = 0; i < desired.length; i++) {
    const d = desired[i];
    const m = matches[i];
    if (m) {
      if (!sameValue('template_script', 'parameter_values', d.parameterValues, m.parameter_values)) {
        await ctx.api.call('template_script.update', { ...parent, id: m.id }, { parameter_values: d.parameterValues });
        changed = true;
      }
      order.push(m.id);
    } else {
      ctx.log(`adding ${type} script ${d.scriptId} to the template`);
      const known = new Set([...live.map((l) => l.id), ...order]);
      // When the POST's answer is lost, the new entry is the one with this script that was not there before.
      const find = async (): Promise<LiveObject | undefined> =>
        (await listOfType()).find(
          (s) => s.type === type && s.script_id === d.scriptId && !known.has(s.id),
        );
      const created = await ctx.api.createOnce(
        'template_script',
        { type, script_id: d.scriptId, parameter_values: d.parameterValues },
        find,
        parent,
      );
      order.push(created.id);
      changed = true;
    }
  }
  const liveOrder = live.filter((l) => used.has(l.id)).map((l) => l.id);
  const keptInOrder = order.filter((id) => liveOrder.includes(id));
  const needsReorder = changed ? order.length > 1 : JSON.stringify(keptInOrder) !== JSON.stringify(liveOrder);
  if (needsReorder && order.length > 1) {
    const after = await listOfType();
    const current = after.filter((s) => s.type === type).sort((a, b) => Number(a.execution_order) - Number(b.execution_order)).map((s) => s.id);
    if (JSON.stringify(current) !== JSON.stringify(order)) {
      await ctx.api.call('template_script.reorder', parent, { type, script_ids: order });
      changed = true;
    }
  }
  return changed;
}

/** Template fields that take effect through a compile. */
const COMPILED_FIELDS: readonly string[] = ['run_list', 'cookbook_versions', 'configuration_attributes'];

export const templateBehaviour: KindBehaviour = {
  async converge(ctx, live, opts) {
    const scripts = ctx.spec.extras.scripts;
    // IMCO applies a template's run list, cookbooks and their attributes to servers only once the
    // template is compiled again: an update of any of them is followed by a compile.
    let changed = opts.fresh || (opts.updated ?? []).some((f) => COMPILED_FIELDS.includes(f));
    if (scripts) {
      for (const type of TEMPLATE_SCRIPT_TYPES) {
        const list: readonly TemplateScriptSpec[] = scripts[type] ?? [];
        const desired: Desired[] = [];
        for (const s of list) {
          desired.push({
            scriptId: (await ctx.resolver.require(s.script.$ref, ctx.subject)).id,
            parameterValues: s.parameterValues ?? {},
          });
        }
        if (await convergeScripts(ctx, live.id, type, desired)) changed = true;
      }
    }
    if (ctx.spec.extras.compile === false) return;
    const current = await ctx.api.show('template', live.id);
    if (changed || current.state !== 'ready') {
      ctx.log('compiling template');
      await ctx.api.action('template', 'compile', live.id, { id: live.id });
      await waitForState(ctx, 'template', live.id, ['ready'], 'template to compile');
    }
  },
};
