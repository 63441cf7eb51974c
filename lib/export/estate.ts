// Reads the estate `imco-bridge export` adopts: every object of the exportable kinds that no stack
// owns (no label in the `imco-cdktf` namespace), with the children of the exported parents (a VPC's
// subnets and VPN, a template's scripts, a script's attachments), and what is left out and why
// (owned by a stack, read-only defaults of the account, members of server arrays, filtered out).
import { OWNER_NAMESPACE, parseStackInstanceTag } from '../bridge/identity';
import { isHttpStatus, type BridgeApi, type LiveObject } from '../handlers/api';
import { EXPORT_ORDER, NOT_EXPORTED } from '../kinds/export-hooks';

export interface EstateObject {
  readonly kind: string;
  readonly id: string;
  readonly live: LiveObject;
  /** Name as IMCO shows it ('' for objects without one). */
  readonly name: string;
  /** The parent's id (subnet, VPN: the VPC). */
  readonly parentId?: string;
  /** A template's scripts, in IMCO's order (type, then execution order). */
  readonly templateScripts?: readonly LiveObject[];
  /** A script's attachments (not exported: IMCO keeps their files). */
  readonly attachments?: readonly LiveObject[];
}

export interface SkippedObject {
  readonly kind: string;
  readonly id: string;
  readonly name: string;
  readonly reason: string;
}

export interface Estate {
  readonly objects: readonly EstateObject[];
  readonly skipped: readonly SkippedObject[];
}

export interface ReadOptions {
  /** Only these kinds (children need their parent's kind). */
  readonly kinds?: readonly string[];
  /** Only objects whose name matches (objects without a name follow their parent). */
  readonly nameFilter?: RegExp;
  /** One line per listing and every 50 objects of a long one. */
  readonly progress?: (line: string) => void;
}

/** Top-level kinds with a construct, in the order their objects are read. */
const TOP_LEVEL = EXPORT_ORDER.filter((k) => !['subnet', 'vpn'].includes(k));

const nameOf = (o: LiveObject): string => (typeof o.name === 'string' ? o.name : '');

/** Why an object is not exported because of its labels, if it is not. */
function ownedBy(live: LiveObject, labels: ReadonlyMap<string, LiveObject>): string | undefined {
  const ids = Array.isArray(live.label_ids) ? (live.label_ids as string[]) : [];
  for (const id of ids) {
    const label = labels.get(id);
    if (!label || label.namespace !== OWNER_NAMESPACE) continue;
    const tag = parseStackInstanceTag(label.value);
    return tag ? `owned by stack '${tag.stack}' (ownership label ${String(label.name)})` : `owned by a stack (ownership label ${String(label.name)})`;
  }
  return undefined;
}

/** The account's read-only defaults (the platform creates them; they cannot be deleted). */
function defaultReason(kind: string, live: LiveObject): string | undefined {
  if (kind === 'firewall_profile' && live.default === true) return "the account's default firewall profile (read-only)";
  if (kind === 'ssh_profile' && live.name === 'default') return "the account's default SSH profile (created by the platform)";
  return undefined;
}

async function listed(api: BridgeApi, kind: string, progress: (line: string) => void, params?: Record<string, string>): Promise<LiveObject[]> {
  const all = await api.list(kind, params);
  if (all.length >= 50) progress(`  ${kind.replace(/_/g, ' ')}: ${all.length} objects`);
  return all;
}

/** Reads the estate; objects in the export order of their kinds, each kind by name then id. */
export async function readEstate(api: BridgeApi, options: ReadOptions = {}): Promise<Estate> {
  const progress = options.progress ?? (() => undefined);
  const wanted = (kind: string) => !options.kinds || options.kinds.includes(kind);
  const named = (name: string) => !options.nameFilter || options.nameFilter.test(name);
  const labels = new Map((await api.list('label')).map((l) => [l.id, l]));
  const objects: EstateObject[] = [];
  const skipped: SkippedObject[] = [];
  const skip = (kind: string, live: LiveObject, reason: string) => skipped.push({ kind, id: live.id, name: nameOf(live), reason });
  for (const kind of TOP_LEVEL) {
    if (!wanted(kind)) continue;
    progress(`reading ${kind.replace(/_/g, ' ')}s`);
    const all = (await listed(api, kind, progress)).sort((a, b) => nameOf(a).localeCompare(nameOf(b)) || a.id.localeCompare(b.id));
    let done = 0;
    for (const listedObject of all) {
      if (++done % 50 === 0) progress(`  ${kind.replace(/_/g, ' ')}: ${done}/${all.length}`);
      const reason = ownedBy(listedObject, labels) ?? defaultReason(kind, listedObject);
      if (reason) {
        skip(kind, listedObject, reason);
        continue;
      }
      if (!named(nameOf(listedObject))) continue;
      if (kind === 'server' && typeof listedObject.server_array_id === 'string' && listedObject.server_array_id) {
        skip(kind, listedObject, `member of server array ${listedObject.server_array_id} (exported with the array)`);
        continue;
      }
      // Templates are listed slim: the full object has the run list, cookbooks and attributes.
      const live = kind === 'template' ? await api.show(kind, listedObject.id) : listedObject;
      const name = kind === 'saas_account' ? `${await saasProviderName(api, live.saas_provider_id)} account` : nameOf(live);
      objects.push({ kind, id: live.id, live, name, ...(await childrenOf(api, kind, live)) });
      if (kind === 'vpc') objects.push(...(await vpcChildren(api, live, wanted)));
    }
  }
  if (wanted('cookbook_version')) {
    for (const c of await api.list('cookbook_version')) {
      skip('cookbook_version', c, ownedBy(c, labels) ?? NOT_EXPORTED.cookbook_version);
    }
  }
  return { objects, skipped };
}

/** A SaaS account has no name: it is called after its provider. */
async function saasProviderName(api: BridgeApi, id: unknown): Promise<string> {
  const provider = (await api.list('saas_provider')).find((p) => p.id === id);
  return typeof provider?.name === 'string' ? provider.name : 'SaaS';
}

async function childrenOf(api: BridgeApi, kind: string, live: LiveObject): Promise<Partial<EstateObject>> {
  if (kind === 'template') {
    const order = ['boot', 'operational', 'shutdown'];
    const scripts = (await api.list('template_script', { template_id: live.id })).sort(
      (a, b) => order.indexOf(String(a.type)) - order.indexOf(String(b.type)) || Number(a.execution_order ?? 0) - Number(b.execution_order ?? 0),
    );
    return { templateScripts: scripts };
  }
  if (kind === 'script') return { attachments: await api.list('attachment', { script_id: live.id }) };
  return {};
}

/** A VPC's subnets and VPN (they follow the VPC: no labels of their own). */
async function vpcChildren(api: BridgeApi, vpc: LiveObject, wanted: (kind: string) => boolean): Promise<EstateObject[]> {
  const out: EstateObject[] = [];
  if (wanted('subnet')) {
    const subnets = (await api.list('subnet', { vpc_id: vpc.id })).sort((a, b) => String(a.cidr).localeCompare(String(b.cidr)));
    for (const s of subnets) out.push({ kind: 'subnet', id: s.id, live: s, name: nameOf(s), parentId: vpc.id });
  }
  if (wanted('vpn') && vpc.has_vpn !== false) {
    const vpn = await api.show('vpn', '', { vpc_id: vpc.id }).catch((err: unknown) => {
      if (isHttpStatus(err, 404)) return undefined;
      throw err;
    });
    if (vpn) out.push({ kind: 'vpn', id: vpn.id, live: vpn, name: `${nameOf(vpc)} VPN`, parentId: vpc.id });
  }
  return out;
}
