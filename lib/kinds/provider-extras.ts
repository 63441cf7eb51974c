// What some imco_* resources carry beyond the wire fields, and how it maps to the handlers' spec
// extras: servers' and arrays' `power_state`, arrays' `size`, volumes' and floating IPs'
// `attached_server_id`, templates' `compile`, cookbook versions' `archive` (+ digest) and
// attachments' `source` (+ digest). Plan-time rules of these (no array shrink) live here too.
import { existsSync } from 'node:fs';
import type { SpecExtras, SpecValue } from '../bridge/spec';
import { contentDigest } from '../bridge/archive';
import type { LiveObject } from '../handlers/api';
import type { InvocationContext } from '../handlers/invocation-context';
import { type AttributeSchema, type Diagnostic, type TfObject, type TfValue, isUnknown } from '../provider/resource-type';
import { cookbookName } from '../bridge/cookbook-name';

export interface KindExtras {
  readonly attributes: readonly AttributeSchema[];
  /** Extra attributes whose change forces replacement. */
  readonly replace: readonly string[];
  /** Catalog create fields these extras carry instead (not attributes of their own). */
  readonly handledFields: readonly string[];
  /** The handlers' spec extras from planned (known) values. */
  specExtras(values: TfObject): SpecExtras;
  /** The extra attributes' values from the live object (prior for what IMCO does not return). */
  fromLive(live: LiveObject, prior: TfObject): TfObject;
  /** Plan-time rules; may fill computed extras of `planned` (digests of files not given in `config`). */
  plan(prior: TfObject | null, planned: TfObject, config: TfObject): Diagnostic[];
  /** Create fields an extra attribute can supply instead: optional + computed rather than required. */
  readonly suppliedFields?: readonly string[];
  /** Spec fields the extras supply (e.g. a reference looked up by name at create). */
  specFields?(values: TfObject): Record<string, SpecValue>;
  /** Configuration problems of the extras (without the network). */
  validate?(config: TfObject): Diagnostic[];
  /**
   * Extra attributes that only say where a value comes from (a file path, a name to look up), the
   * value itself being carried by another attribute (a digest, an id): see KindModel.locators.
   */
  readonly locators?: readonly string[];
  /** Creates the object itself, for kinds whose create is not the handlers' create (loaded lazily). */
  create?(ctx: InvocationContext, planned: TfObject): Promise<LiveObject>;
}

const NONE: KindExtras = {
  attributes: [],
  replace: [],
  handledFields: [],
  specExtras: () => ({}),
  fromLive: () => ({}),
  plan: () => [],
};

const POWER_STATES = ['operational', 'inactive'];

const powerAttr: AttributeSchema = {
  name: 'power_state',
  type: 'string',
  optional: true,
  computed: true,
  description: 'operational (booted) or inactive (shut down); changed in place. Default operational.',
};

/** The power state a live server-like object shows: its settled or target state. */
function powerOf(live: LiveObject): string {
  const state = String(live.state ?? '');
  if (['operational', 'booting', 'bootstrapping'].includes(state)) return 'operational';
  if (['inactive', 'shutting_down', 'commissioning'].includes(state)) return 'inactive';
  return state;
}

function known<T extends TfValue>(v: TfValue | undefined, type: 'string' | 'number' | 'boolean'): T | undefined {
  return v !== null && v !== undefined && !isUnknown(v) && typeof v === type ? (v as T) : undefined;
}

function powerProblems(planned: TfObject): Diagnostic[] {
  const p = planned.power_state;
  if (typeof p === 'string' && !POWER_STATES.includes(p)) {
    return [{ severity: 'error', summary: `power_state "${p}" is not one of operational, inactive`, attribute: [{ attr: 'power_state' }] }];
  }
  return [];
}

const server: KindExtras = {
  ...NONE,
  attributes: [powerAttr],
  specExtras: (v) => ({ power: known<string>(v.power_state, 'string') as SpecExtras['power'] }),
  fromLive: (live) => ({ power_state: powerOf(live) }),
  plan: (_prior, planned) => powerProblems(planned),
};

function sizeProblems(prior: TfObject | null, planned: TfObject): Diagnostic[] {
  const want = known<number>(planned.size, 'number');
  const have = prior ? known<number>(prior.size, 'number') : undefined;
  const at = [{ attr: 'size' }];
  if (want === undefined) return [];
  if (!Number.isInteger(want) || want < 0) return [{ severity: 'error', summary: `size ${want} must be a whole number >= 0`, attribute: at }];
  if (have !== undefined && want > 0 && want < have) {
    return [{
      severity: 'error',
      summary: `size cannot shrink from ${have} to ${want}: IMCO API v2 can only enlarge a server array or empty it; set size back to ${have}, set size = 0 to empty it, or replace the array (terraform apply -replace=<address>)`,
      attribute: at,
    }];
  }
  if (want === 0 && planned.power_state === 'operational') {
    return [{ severity: 'error', summary: 'an empty server array (size = 0) cannot be operational: set power_state = "inactive" or size > 0', attribute: [{ attr: 'power_state' }] }];
  }
  return [];
}

const serverArray: KindExtras = {
  ...NONE,
  attributes: [
    powerAttr,
    { name: 'size', type: 'number', optional: true, computed: true, description: 'Number of servers; grows in place, 0 empties the array; any other shrink is refused.' },
  ],
  handledFields: ['size'],
  specExtras: (v) => ({
    power: known<string>(v.power_state, 'string') as SpecExtras['power'],
    size: known<number>(v.size, 'number'),
  }),
  fromLive: (live) => ({ power_state: Number(live.size ?? 0) === 0 && live.state === 'inactive' ? 'inactive' : powerOf(live), size: Number(live.size ?? 0) }),
  plan: (prior, planned) => [...powerProblems(planned), ...sizeProblems(prior, planned)],
};

const attachable: KindExtras = {
  ...NONE,
  attributes: [{ name: 'attached_server_id', type: 'string', optional: true, description: 'The server to attach to (attach/detach in place); null = detached.' }],
  specExtras: (v) => {
    const id = known<string>(v.attached_server_id, 'string');
    return { attachTo: id ? { $ref: { kind: 'server', id } } : null };
  },
  fromLive: (live) => ({ attached_server_id: typeof live.attached_server_id === 'string' && live.attached_server_id ? live.attached_server_id : null }),
};

const template: KindExtras = {
  ...NONE,
  attributes: [{ name: 'compile', type: 'bool', optional: true, description: 'Compile after create/update and wait until ready (default true).' }],
  specExtras: (v) => ({ compile: v.compile === false ? false : undefined }),
  fromLive: (_live, prior) => ({ compile: prior.compile ?? null }),
};

/** A local file or directory with its digest: cookbook archives and script attachments. */
function fileExtras(pathAttr: string, shaAttr: string, what: string): Pick<KindExtras, 'attributes' | 'replace' | 'locators' | 'fromLive' | 'plan'> {
  return {
    attributes: [
      { name: pathAttr, type: 'string', required: true, description: `Path of the ${what} (read at apply time).` },
      { name: shaAttr, type: 'string', optional: true, computed: true, description: `SHA-256 of the ${what}; a change replaces the object (computed from the file when not set).` },
    ],
    replace: [pathAttr, shaAttr],
    locators: [pathAttr],
    fromLive: (_live, prior) => ({ [pathAttr]: prior[pathAttr] ?? null, [shaAttr]: prior[shaAttr] ?? null }),
    plan: (_prior, planned, config) => {
      const path = planned[pathAttr];
      if (typeof path !== 'string' || (config[shaAttr] !== null && config[shaAttr] !== undefined)) return [];
      if (!existsSync(path)) {
        return [{ severity: 'error', summary: `${pathAttr} ${path} does not exist; give the path of the ${what}`, attribute: [{ attr: pathAttr }] }];
      }
      planned[shaAttr] = contentDigest(path);
      return [];
    },
  };
}

const cookbookVersion: KindExtras = {
  ...NONE,
  ...fileExtras('archive', 'archive_sha256', 'cookbook directory or .tar.gz archive'),
  specExtras: (v) => {
    const path = String(v.archive);
    return { archive: { name: cookbookName(path), path, sha256: String(v.archive_sha256 ?? '') } };
  },
};

const attachment: KindExtras = {
  ...NONE,
  ...fileExtras('source', 'source_sha256', 'file to attach'),
  // Created in its script and uploaded: no wire create body, identity by name in the script.
  create: async (ctx, planned) =>
    (await import('./attachment/provider')).createAttachment(ctx, String(planned.script_id), String(planned.name), String(planned.source)),
};

/**
 * A VPN's plan by name (`vpn_plan_name`): IMCO lists VPN plans per VPC, so the name is resolved
 * among the VPC's plans at create (as imco-bridge does for `VpnPlan.named`), and `vpn_plan_id`
 * becomes optional + computed. Exactly one of the two is set. A changed name replaces the VPN; a
 * name set on an imported or moved VPN (whose state has none) is recorded in place (a locator).
 */
const vpn: KindExtras = {
  ...NONE,
  attributes: [
    {
      name: 'vpn_plan_name',
      type: 'string',
      optional: true,
      description: "Name of the VPN plan among the VPC's plans, resolved at create (instead of vpn_plan_id); a change replaces.",
    },
  ],
  suppliedFields: ['vpn_plan_id'],
  specFields: (v): Record<string, SpecValue> => {
    const name = known<string>(v.vpn_plan_name, 'string');
    const vpcId = known<string>(v.vpc_id, 'string');
    if (!name || !vpcId || known<string>(v.vpn_plan_id, 'string')) return {};
    return { vpn_plan_id: { $ref: { kind: 'vpn_plan', parent: { kind: 'vpc', id: vpcId }, natural: { name }, path: `VPN plan '${name}'` } } };
  },
  fromLive: (_live, prior) => ({ vpn_plan_name: prior.vpn_plan_name ?? null }),
  validate: (config) => {
    const byId = config.vpn_plan_id !== null && config.vpn_plan_id !== undefined;
    const byName = config.vpn_plan_name !== null && config.vpn_plan_name !== undefined;
    if (byId && byName) {
      return [{ severity: 'error', summary: 'set vpn_plan_id or vpn_plan_name, not both', attribute: [{ attr: 'vpn_plan_name' }] }];
    }
    if (!byId && !byName) {
      return [{ severity: 'error', summary: 'vpn_plan_id or vpn_plan_name is required: give the plan id, or its name among the VPC\'s VPN plans', attribute: [{ attr: 'vpn_plan_id' }] }];
    }
    return [];
  },
  replace: ['vpn_plan_name'],
  locators: ['vpn_plan_name'],
};

const EXTRAS: Readonly<Record<string, KindExtras>> = {
  vpn,
  server,
  server_array: serverArray,
  volume: attachable,
  floating_ip: attachable,
  template,
  cookbook_version: cookbookVersion,
  attachment,
};

export function extrasOf(kind: string): KindExtras {
  return EXTRAS[kind] ?? NONE;
}
