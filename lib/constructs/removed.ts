// RemovedImcoObject: a tombstone for an IMCO construct taken out of the program. Terraform does not
// run the destroy-time provisioner of a resource whose block is gone, so without it the IMCO object
// would be left behind. The tombstone emits a Terraform `removed` block (Terraform ≥ 1.9) for the
// old lifecycle resource carrying the same `imco-bridge delete` provisioner (it reads only `self`).
// Keeping it after the object is gone is harmless: a `removed` block for an address not in state is
// a no-op. The provider flavour needs no tombstone (removing a construct is an ordinary Terraform
// delete), so there it is refused with a message saying so.
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { escapeTemplate } from './escape';
import { selfTriggersExpression } from './handler-resource';
import { TRIGGERS_ENV } from './imco-object';
import { registryOf, resourceNameOf } from './registry';
import { ImcoSettings } from './settings';

export interface RemovedImcoObjectProps {
  /** Construct path, relative to the stack, that the removed IMCO construct had (e.g. `network/old-web`). */
  readonly path: string;
}

const tombstonesByStack = new WeakMap<TerraformStack, Record<string, unknown>[]>();

/** Deletes the IMCO object of a construct that was removed from the program. */
export class RemovedImcoObject extends Construct {
  /** Terraform address of the removed lifecycle resource. */
  readonly address: string;

  constructor(scope: Construct, id: string, props: RemovedImcoObjectProps) {
    super(scope, id);
    const stack = TerraformStack.of(this);
    const settings = ImcoSettings.resolve(this);
    const path = String(props.path ?? '').replace(/^\/+|\/+$/g, '');
    const flavour = settings.flavour;
    if (flavour === 'provider') {
      this.address = `imco_*.${resourceNameOf(path)}`;
      this.node.addValidation({
        validate: () => [
          `RemovedImcoObject '${path}': not needed with the provider flavour — removing a construct deletes its IMCO object on the next terraform apply; remove this tombstone`,
        ],
      });
      return;
    }
    this.address = `${flavour}.${resourceNameOf(path)}`;
    const environment: Record<string, string> = {};
    for (const [k, v] of Object.entries(settings.environment)) environment[k] = escapeTemplate(v);
    environment[TRIGGERS_ENV] = selfTriggersExpression(flavour, true);
    let tombstones = tombstonesByStack.get(stack);
    if (!tombstones) {
      tombstones = [];
      tombstonesByStack.set(stack, tombstones);
    }
    tombstones.push({
      from: this.address,
      lifecycle: { destroy: true },
      provisioner: [{ 'local-exec': { when: 'destroy', command: escapeTemplate(`${settings.bridgeCommand} delete`), environment } }],
    });
    stack.addOverride('removed', [...tombstones]);
    this.node.addValidation({
      validate: () => {
        if (path === '') return ['RemovedImcoObject: path is required: the construct path the removed IMCO construct had, e.g. network/old-web'];
        const live = registryOf(this).objects.find((o) => resourceNameOf(o.objectPath) === resourceNameOf(path));
        return live
          ? [`RemovedImcoObject '${path}': '${live.node.path}' is still declared with that resource name; remove the construct, or this tombstone`]
          : [];
      },
    });
  }
}
