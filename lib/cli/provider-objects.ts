// The IMCO objects of a stack synthesized in the provider flavour, as `npm start`'s summary lists
// them: one `imco_<kind>` resource per construct in cdk.tf.json (template scripts, attachments and
// actions are parts, not objects of their own), with the construct path from cdktf's metadata and
// the IMCO id (and parent id) the native provider keeps in the Terraform state.
import { existsSync, readFileSync } from 'node:fs';
import { managedKinds } from '../catalog';

/** Resource types of the provider that are parts of another object, or actions. */
const PARTS = new Set(['imco_template_script', 'imco_attachment', 'imco_server_reboot', 'imco_script_execution']);

export interface ProviderObject {
  readonly kind: string;
  /** Construct path without the stack, e.g. `network/web`. */
  readonly path: string;
  /** Terraform address, e.g. `imco_vpc.network_web`. */
  readonly address: string;
  /** Configured `name`, when the kind has one. */
  readonly name?: string;
  /** Configured `power_state` (servers, server arrays). */
  readonly power?: string;
  /** IMCO id from the state; undefined before the first apply. */
  readonly id?: string;
  /** The parent's id from the state (`vpc_id` of a subnet or VPN). */
  readonly parentId?: string;
}

type Resources = Record<string, Record<string, Record<string, unknown>>>;

interface StateResource {
  readonly mode?: string;
  readonly type?: string;
  readonly name?: string;
  readonly instances?: { readonly attributes?: Record<string, unknown> }[];
}

function stateAttributes(statePath: string): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  if (!existsSync(statePath)) return out;
  const state = JSON.parse(readFileSync(statePath, 'utf8')) as { resources?: StateResource[] };
  for (const r of state.resources ?? []) {
    const attributes = r.instances?.[0]?.attributes;
    if (r.mode === 'managed' && attributes) out.set(`${r.type}.${r.name}`, attributes);
  }
  return out;
}

/** The objects of the synthesized stack at `stackDir` (in cdk.tf.json order), with ids from the state at `statePath`. */
export function readProviderObjects(stackDir: string, statePath: string): ProviderObject[] {
  const doc = JSON.parse(readFileSync(`${stackDir}/cdk.tf.json`, 'utf8')) as { resource?: Resources };
  const kinds = new Map(managedKinds().map((k) => [`imco_${k.kind}`, k]));
  const state = stateAttributes(statePath);
  const out: ProviderObject[] = [];
  for (const [type, resources] of Object.entries(doc.resource ?? {})) {
    const kind = kinds.get(type);
    if (!kind || PARTS.has(type)) continue;
    for (const [name, res] of Object.entries(resources)) {
      const meta = (res['//'] as { metadata?: { path?: string } } | undefined)?.metadata?.path ?? name;
      const path = meta.split('/').slice(1).join('/').replace(/\/Resource$/, '');
      const address = `${type}.${name}`;
      const live = state.get(address);
      const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
      out.push({
        kind: kind.kind,
        path,
        address,
        name: str(res.name),
        power: str(res.power_state),
        id: str(live?.id),
        parentId: kind.parent ? str(live?.[kind.parent.field]) : undefined,
      });
    }
  }
  return out;
}
