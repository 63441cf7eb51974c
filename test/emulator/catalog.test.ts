// The catalog as the emulator relies on it: consistent lifecycles and references, every kind's
// operations present in the endpoint table, every endpoint routed, and every object the emulator
// renders carrying all of its kind's response fields (and none of its secret fields).
import { ENDPOINTS, KINDS, kindSpec, labelableResourceTypes } from '../../lib/catalog';
import { buildRouter } from '../../lib/emulator/routes';
import { startTestEmulator } from '../support/emulator';
import { buildFixture } from './support/fixtures';

describe('catalog consistency', () => {
  it.each(KINDS.filter((k) => k.lifecycle).map((k) => [k.kind, k] as const))('%s: lifecycle and action states are known states', (_name, spec) => {
    const { states, createSteps, ready, failed, deleteSteps, deleteFrom } = spec.lifecycle!;
    for (const s of [...createSteps, ...ready, ...failed, ...deleteSteps, ...(deleteFrom ?? [])]) expect(states).toContain(s);
    for (const action of spec.actions ?? []) {
      for (const s of [...(action.from ?? []), ...(action.steps ?? [])]) expect({ action: action.name, state: s, known: states.includes(s) }).toMatchObject({ known: true });
    }
  });

  it('secret fields are never response fields and every reference names a catalog kind', () => {
    for (const spec of KINDS) {
      for (const secret of spec.secretFields) expect(spec.responseFields).not.toContain(secret);
      for (const field of [...spec.createFields, ...(spec.actions ?? []).flatMap((a) => a.fields ?? [])]) {
        if (field.ref) expect(() => kindSpec(field.ref!)).not.toThrow();
      }
      if (spec.parent) expect(() => kindSpec(spec.parent!.kind)).not.toThrow();
    }
  });

  it('labelable kinds are those of API reference §2.2 that are in scope', () => {
    expect(labelableResourceTypes().sort()).toEqual(
      ['cookbook_version', 'firewall_profile', 'floating_ip', 'script', 'server', 'server_array', 'ssh_profile', 'template', 'volume', 'vpc'].sort(),
    );
  });

  it('the endpoint table has unique operations, canonical paths and catalog kinds', () => {
    const ops = ENDPOINTS.map((e) => e.op);
    expect(new Set(ops).size).toBe(ops.length);
    const routes = ENDPOINTS.map((e) => `${e.method} ${e.path}`);
    expect(new Set(routes).size).toBe(routes.length);
    for (const e of ENDPOINTS) {
      expect(e.path).not.toMatch(/\/$/);
      if (!['ping', 'wizard'].includes(e.kind)) expect(() => kindSpec(e.kind)).not.toThrow();
    }
  });

  it("every kind's operations and actions appear in the endpoint table", () => {
    const table = new Set(ENDPOINTS.map((e) => `${e.method} ${e.path}`));
    const missing: string[] = [];
    for (const spec of KINDS) {
      const item = spec.itemPath ?? spec.collectionPath;
      const expected: string[] = [];
      if (spec.operations.includes('list') && !spec.singleton) expected.push(`GET ${spec.collectionPath}`);
      if (spec.operations.includes('create')) expected.push(`POST ${spec.collectionPath}`);
      if (spec.operations.includes('show')) expected.push(`GET ${item}`);
      if (spec.operations.includes('update')) expected.push(`PUT ${item}`);
      if (spec.operations.includes('delete')) expected.push(`DELETE ${item}`);
      if (spec.operations.includes('discard')) expected.push(`DELETE ${item}/discard`);
      for (const a of spec.actions ?? []) expected.push(`${a.method} ${item}${a.suffix}`);
      missing.push(...expected.filter((r) => !table.has(r)));
    }
    expect(missing).toEqual([]);
  });

  it('the emulator routes every endpoint of the table', () => {
    const router = buildRouter();
    const unrouted = ENDPOINTS.filter((e) => {
      const concrete = e.path.replace(/\{[a-z_]+\}/g, 'x0');
      try {
        router.resolve(e.method, concrete);
        return false;
      } catch {
        return true;
      }
    });
    expect(unrouted.map((e) => e.op)).toEqual([]);
  });
});

describe('rendered objects', () => {
  it('carry every response field of their kind, never a secret field, and resource_type', async () => {
    const emu = await startTestEmulator();
    try {
      await buildFixture(emu);
      const snapshot = emu.snapshot();
      const incomplete: string[] = [];
      for (const [kind, objects] of Object.entries(snapshot)) {
        const spec = kindSpec(kind);
        for (const obj of objects) {
          for (const field of spec.responseFields) if (!(field in obj)) incomplete.push(`${kind}.${field}`);
          for (const secret of spec.secretFields) expect(obj).not.toHaveProperty(secret);
          expect(obj.resource_type).toBe(spec.resourceType);
          expect(obj.id).toMatch(/^[0-9a-f]{24}$/);
          for (const key of Object.keys(obj)) expect(key.startsWith('$')).toBe(false);
        }
      }
      expect([...new Set(incomplete)]).toEqual([]);
      const kinds = Object.keys(snapshot);
      for (const k of ['template', 'template_script', 'cookbook_version', 'script', 'attachment', 'firewall_profile', 'vpc', 'subnet', 'vpn', 'floating_ip', 'volume', 'ssh_profile', 'server', 'server_array', 'saas_account', 'label', 'cloud_provider', 'server_plan', 'storage_plan', 'realm', 'generic_image', 'location', 'saas_provider', 'cloud_account', 'vpn_plan', 'event']) {
        expect(kinds).toContain(k);
      }
    } finally {
      await emu.dispose();
    }
  });
});
