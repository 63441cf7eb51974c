// Labels: names of letters, digits, spaces, '.', '_' and '-', unique per namespace; assign
// (POST /labels/{id}/resources with {resources: [{id, resource_type}]}) adds the label to each
// labelable resource's label_ids and answers every resource now carrying it; unassign
// (DELETE /labels/{id}/resources/{type}/{resource_id}) removes it (204, also when it was not there).
import { kindSpec, labelableResourceTypes } from '../../catalog';
import type { KindBehaviour } from '../../emulator/behaviour';
import type { EmulatorServices } from '../../emulator/services';
import { findObject } from '../../emulator/crud';
import { noContent, ok } from '../../emulator/exchange';
import { ErrorCollector, notFound } from '../../emulator/http-errors';
import { isPlainObject } from '../../emulator/fields';
import type { StoredObject } from '../../emulator/store';

export const LABEL_NAME = /^[A-Za-z0-9 ._-]+$/;

function labelled(ctx: EmulatorServices, labelId: string): { id: string; resource_type: string }[] {
  return labelableResourceTypes().flatMap((type) =>
    ctx.store
      .list(kindSpec(type).kind)
      .filter((o) => Array.isArray(o.label_ids) && (o.label_ids as string[]).includes(labelId))
      .map((o) => ({ id: o.id, resource_type: type })),
  );
}

function labelableKind(resourceType: unknown): string | undefined {
  return typeof resourceType === 'string' && labelableResourceTypes().includes(resourceType) ? kindSpec(resourceType).kind : undefined;
}

export const labels: KindBehaviour = {
  kind: 'label',
  validateCreate(ctx, { fields }, errors) {
    const name = String(fields.name);
    if (!LABEL_NAME.test(name)) errors.add('name', `'${name}' may contain only letters, digits, spaces, '.', '_' and '-'`);
    const namespace = (fields.namespace as string | undefined) ?? '';
    if (ctx.store.list('label').some((l) => l.name === name && l.namespace === namespace)) {
      errors.add('name', `has already been taken${namespace ? ` in namespace '${namespace}'` : ''}; look it up with GET /labels`);
    }
  },
  routes(add) {
    add('POST', '/labels/{label_id}/resources', (ctx, req) => {
      const label = findObject(ctx, 'label', req.params.label_id);
      const resources = req.body.resources;
      const errors = new ErrorCollector();
      if (!Array.isArray(resources) || resources.length === 0) {
        errors.add('resources', 'must be a non-empty array of {"id": …, "resource_type": …}');
        errors.throwIfAny();
      }
      const targets: StoredObject[] = [];
      for (const item of resources as unknown[]) {
        const kind = isPlainObject(item) ? labelableKind(item.resource_type) : undefined;
        if (!isPlainObject(item) || typeof item.id !== 'string' || !kind) {
          errors.add('resources', `each resource needs a string id and a resource_type of ${labelableResourceTypes().join(', ')}`);
          continue;
        }
        const target = ctx.store.get(kind, item.id);
        if (!target) errors.add('resources', `no ${String(item.resource_type)} with id '${item.id}'`);
        else targets.push(target);
      }
      errors.throwIfAny();
      for (const target of targets) {
        const ids = (target.label_ids as string[] | undefined) ?? [];
        if (!ids.includes(label.id)) target.label_ids = [...ids, label.id];
      }
      ctx.store.changed();
      return ok(labelled(ctx, label.id));
    });
    add('DELETE', '/labels/{label_id}/resources/{resource_type}/{resource_id}', (ctx, req) => {
      const label = findObject(ctx, 'label', req.params.label_id);
      const kind = labelableKind(req.params.resource_type);
      if (!kind) throw notFound(`'${req.params.resource_type}' is not a labelable resource type; use one of ${labelableResourceTypes().join(', ')}`);
      const target = findObject(ctx, kind, req.params.resource_id);
      target.label_ids = ((target.label_ids as string[] | undefined) ?? []).filter((id) => id !== label.id);
      ctx.store.changed();
      return noContent();
    });
  },
};
