// A changed `owner` of a labelable object, in place: the new ownership label is assigned to the
// object and the old one taken off. This is also how an imported object becomes owned (its state
// has no owner until the configuration's owner is applied), which makes its later re-creates
// crash-safe like any other.
import { assignLabel, unassignLabel } from '../../kinds/label/assignment';
import type { LiveObject } from '../../handlers/api';
import type { InvocationContext } from '../../handlers/invocation-context';
import { identityOf, ownLabelOf } from '../../handlers/ownership';

function labelsOf(live: LiveObject): string[] {
  return Array.isArray(live.label_ids) ? (live.label_ids as string[]) : [];
}

export async function moveOwnership(ctx: InvocationContext, live: LiveObject, from: string | undefined, to: string | undefined): Promise<void> {
  if (!ctx.kind.labelable || from === to) return;
  const resource = { id: live.id, resource_type: ctx.kind.resourceType };
  if (to) {
    // This stack instance's label of that name (the provider block's stack and stack_instance).
    const label = await ctx.resolver.ensureOwnerLabel(ownLabelOf(identityOf(ctx.spec), { kind: ctx.kind.kind, label: to })!);
    if (!labelsOf(live).includes(label.id)) {
      ctx.log(`assigning ownership label '${to}'`);
      await assignLabel(ctx.api, label.id, resource.resource_type, resource.id);
    }
  }
  if (from) {
    const old = await ctx.resolver.findOwnerLabel(from);
    if (old && labelsOf(live).includes(old.id)) {
      ctx.log(`removing ownership label '${from}'`);
      await unassignLabel(ctx.api, old.id, ctx.kind.resourceType, live.id);
    }
  }
}
