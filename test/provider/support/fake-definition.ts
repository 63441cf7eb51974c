// A small fake ProviderDefinition for the host's tests: one resource `imco_test` whose objects
// live in a JSON file (FAKE_IMCO_STORE; Terraform starts the provider several times per command,
// so the store must outlive a process). It knows nothing of IMCO; it exercises the protocol:
// computed values unknown on create, `cidr` forces replacement, a write-only `secret_wo` that the
// fake records (as "seen") but returns in its state on purpose (the host must null it), a nested
// list attribute, a map, a set, a `timeouts` block, drift (read returns the stored object), import.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { UnknownValue, type ProviderDefinition, type ResourceType, type TfObject } from '../../../lib/provider/resource-type';

export interface FakeStore {
  objects: Record<string, TfObject>;
  /** Write-only values received in apply's config, by object id (test values, not secrets). */
  secretsSeen: Record<string, string>;
  configured?: TfObject;
  calls: string[];
}

function storePath(): string {
  const p = process.env.FAKE_IMCO_STORE;
  if (!p) throw new Error('FAKE_IMCO_STORE is not set: point it at a JSON file for the fake store');
  return p;
}

export function readStore(path = storePath()): FakeStore {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as FakeStore) : { objects: {}, secretsSeen: {}, calls: [] };
}

function update(f: (s: FakeStore) => void): void {
  const s = readStore();
  f(s);
  writeFileSync(storePath(), JSON.stringify(s, null, 1));
}

const IMMUTABLE = ['cidr'];

export const testResource: ResourceType = {
  typeName: 'imco_test',
  schema: {
    version: 1,
    attributes: [
      { name: 'id', type: 'string', computed: true },
      { name: 'name', type: 'string', required: true },
      { name: 'cidr', type: 'string', optional: true },
      { name: 'size', type: 'number', optional: true },
      { name: 'tags', type: ['map', 'string'], optional: true },
      { name: 'labels', type: ['set', 'string'], optional: true },
      {
        name: 'rules',
        optional: true,
        nested: {
          nesting: 'list',
          attributes: [
            { name: 'ip_protocol', type: 'string', required: true },
            { name: 'min_port', type: 'number', required: true },
            { name: 'max_port', type: 'number', required: true },
          ],
        },
      },
      { name: 'secret_wo', type: 'string', optional: true, writeOnly: true, sensitive: true },
      { name: 'secret_version', type: 'string', optional: true },
      { name: 'state', type: 'string', computed: true },
    ],
    blocks: [{ typeName: 'timeouts', nesting: 'single', attributes: [{ name: 'create', type: 'string', optional: true }] }],
  },
  validate(config) {
    return config.size !== null && typeof config.size === 'number' && config.size < 0
      ? [{ severity: 'error', summary: 'size must be 0 or more', attribute: [{ attr: 'size' }] }]
      : [];
  },
  async plan({ prior, proposed }) {
    if (!proposed) return { planned: null };
    if (!prior) return { planned: { ...proposed, id: new UnknownValue(), state: new UnknownValue() } };
    const requiresReplace = IMMUTABLE.filter((k) => JSON.stringify(prior[k]) !== JSON.stringify(proposed[k])).map((k) => [{ attr: k }]);
    if (requiresReplace.length > 0) return { planned: { ...proposed, id: new UnknownValue(), state: new UnknownValue() }, requiresReplace };
    return { planned: { ...proposed, id: prior.id, state: prior.state } };
  },
  async apply({ prior, planned, config }) {
    if (!planned) {
      update((s) => {
        delete s.objects[String(prior?.id)];
        s.calls.push(`delete ${String(prior?.id)}`);
      });
      return { newState: null };
    }
    const id = prior && typeof prior.id === 'string' && !(planned.id instanceof UnknownValue) ? prior.id : `t-${randomBytes(4).toString('hex')}`;
    // Returns the write-only value in its state on purpose: the host must null it.
    const obj: TfObject = { ...planned, id, state: 'ready', secret_wo: config?.secret_wo ?? null };
    update((s) => {
      const { secret_wo, ...stored } = obj;
      s.objects[id] = stored;
      if (typeof secret_wo === 'string') s.secretsSeen[id] = secret_wo;
      s.calls.push(`${prior ? 'update' : 'create'} ${id}`);
    });
    return { newState: obj };
  },
  async read({ current }) {
    const obj = readStore().objects[String(current.id)];
    return { newState: obj ? { ...current, ...obj } : null };
  },
  async importState(id) {
    if (!readStore().objects[id]) return { states: [], diagnostics: [{ severity: 'error', summary: `no imco_test object with id ${id}` }] };
    return { states: [{ id }] };
  },
  upgrade(state, fromVersion) {
    // Version 0 called `name` `title`.
    if (fromVersion === 0 && 'title' in state) {
      const { title, ...rest } = state;
      return { ...rest, name: title };
    }
    return state;
  },
};

export function fakeDefinition(): ProviderDefinition {
  return {
    providerSchema: { version: 0, attributes: [{ name: 'endpoint', type: 'string', optional: true }] },
    resources: [testResource],
    async configure(config) {
      if (process.env.FAKE_IMCO_STORE) update((s) => void (s.configured = config));
      return [];
    },
  };
}
