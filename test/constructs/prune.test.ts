// The stack's prune resource: it lists every declared object (in chunks no variable can overflow),
// runs after all of them, and its provisioners read only `self` (so the destroy-time one is legal).
import { Construct } from 'constructs';
import { FirewallProfile, Subnet, Vpc, type HandlerFlavour } from '../../lib/constructs';
import { joinObjectChunks, MAX_OBJECT_CHUNKS, OBJECT_CHUNK_BYTES } from '../../lib/spec/object-chunks';
import { removedObjects, type DeclaredObject } from '../../lib/spec/prune';
import { makeStack, provisioners, pruneResourceOf, synthJson, terraformUnescape, triggersOf, validationErrors } from './helpers';


/** What imco-bridge receives from the chunk variables, evaluated the way Terraform would against `keys`. */
function passedList(env: Record<string, string>, keys: Record<string, string>): DeclaredObject[] {
  const evaluated: Record<string, string> = {};
  for (const [name, expr] of Object.entries(env)) {
    const m = /^\$\{lookup\(self\.\w+, "(\w+)", ""\)\}$/.exec(expr);
    if (m) evaluated[name] = terraformUnescape(keys[m[1]] ?? '');
  }
  return JSON.parse(joinObjectChunks(evaluated) ?? 'null') as DeclaredObject[];
}

describe.each<HandlerFlavour>(['terraform_data', 'null_resource'])('%s flavour', (flavour) => {
  test('one prune resource per stack lists the declared objects and depends on all of them', () => {
    const { stack } = makeStack({ flavour });
    new FirewallProfile(stack, 'fw', { name: 'fw' });
    const vpc = new Vpc(stack, 'net', { name: 'net', cidr: '10.0.0.0/16', cloudAccount: 'acc1', realmProviderName: 'r' });
    new Subnet(stack, 'sub', { vpc, name: 's', cidr: '10.0.1.0/24', type: 'only_public' });
    const json = synthJson(stack);
    const prune = pruneResourceOf(json, flavour);
    const triggers = triggersOf(prune, flavour);
    expect(triggers.imco_prune).toBe('shop');
    expect(Object.keys(triggers).sort()).toEqual(['imco_endpoint', 'imco_objects_000', 'imco_prune']);
    const objects = JSON.parse(triggers.imco_objects_000) as DeclaredObject[];
    expect(objects.map((o) => `${o.kind}:${o.path}`)).toEqual(['firewall_profile:fw', 'vpc:net', 'subnet:sub']);
    expect(objects[2].self).toEqual({ kind: 'subnet', parent: { kind: 'vpc', owner: 'shop.net', path: 'net' }, natural: { cidr: '10.0.1.0/24' }, path: 'sub' });
    expect(prune.depends_on).toEqual(
      expect.arrayContaining([`${flavour}.fw`, `${flavour}.fw_sync`, `${flavour}.net`, `${flavour}.net_sync`, `${flavour}.sub`, `${flavour}.sub_sync`]),
    );
    const [create, destroy] = provisioners(prune);
    expect(create.command).toBe('imco-bridge prune');
    expect(destroy).toEqual(expect.objectContaining({ when: 'destroy', command: 'imco-bridge prune-record' }));
    // The small keys in one variable, the list in chunk variables (never the whole map in one).
    const attr = flavour === 'terraform_data' ? 'triggers_replace' : 'triggers';
    const small = `\${jsonencode({ for k, v in self.${attr} : k => v if !startswith(k, "imco_objects_") })}`;
    expect(create.environment.IMCO_BRIDGE_TRIGGERS).toBe(small);
    expect(destroy.environment.IMCO_BRIDGE_TRIGGERS).toBe(small);
    for (const env of [create.environment, destroy.environment]) {
      expect(Object.keys(env).filter((k) => k.startsWith('IMCO_BRIDGE_OBJECTS_'))).toHaveLength(MAX_OBJECT_CHUNKS);
      expect(env.IMCO_BRIDGE_OBJECTS_0).toBe(`\${lookup(self.${attr}, "imco_objects_000", "")}`);
      expect(passedList(env, triggers)).toEqual(objects);
    }
  });
});

test('2,000 objects under a deep path: the list is split into chunks of at most 64 KiB, passed whole, no validation error', () => {
  const { stack } = makeStack({ flavour: 'terraform_data' });
  let scope: Construct = stack;
  for (const part of ['platform', 'eu-west-1-production', 'customer-facing-services', 'edge-firewalls']) scope = new Construct(scope, part);
  for (let i = 0; i < 2000; i++) new FirewallProfile(scope, `profile-for-tenant-${String(i).padStart(5, '0')}`, { name: `fw-${i}` });
  const json = synthJson(stack);
  const prune = pruneResourceOf(json, 'terraform_data');
  const triggers = triggersOf(prune, 'terraform_data');
  const chunkKeys = Object.keys(triggers).filter((k) => k.startsWith('imco_objects_'));
  expect(chunkKeys.length).toBeGreaterThan(4);
  for (const k of chunkKeys) expect(Buffer.byteLength(terraformUnescape(triggers[k]))).toBeLessThanOrEqual(OBJECT_CHUNK_BYTES);
  const [create, destroy] = provisioners(prune);
  for (const env of [create.environment, destroy.environment]) {
    const list = passedList(env, triggers);
    expect(list).toHaveLength(2000);
    expect(list[1999].path).toBe('platform/eu-west-1-production/customer-facing-services/edge-firewalls/profile-for-tenant-01999');
  }
  expect(validationErrors(stack)).toEqual([]);
});

test('a list over 1 MiB is refused at synth, naming the stack and the fix', () => {
  const { stack } = makeStack();
  let scope: Construct = stack;
  for (const part of ['a'.repeat(300), 'b'.repeat(300), 'c'.repeat(300)]) scope = new Construct(scope, part);
  for (let i = 0; i < 600; i++) new FirewallProfile(scope, `profile-${i}`, { name: `fw-${i}` });
  const errors = validationErrors(stack).filter((e) => e.startsWith('[shop/imco-prune]'));
  expect(errors).toEqual([
    expect.stringMatching(
      /^\[shop\/imco-prune\] stack 'shop': the list of its 600 IMCO objects is \d+ KiB, more than the 1024 KiB its prune and sweep resources can hand to imco-bridge \(a provisioner's environment\); split the objects over several stacks, or shorten their construct paths$/,
    ),
  ]);
});

test('removed objects are those gone from the declaration, users deleted before what they use', () => {
  const o = (kind: string, path: string, owner?: string, natural?: Record<string, string>): DeclaredObject => ({
    kind,
    path,
    self: { kind, owner, natural, path },
  });
  const before = [o('vpc', 'net', 's.net'), o('subnet', 'sub', undefined, { cidr: '10.0.1.0/24' }), o('server', 'db', 's.db'), o('firewall_profile', 'fw', 's.fw')];
  const after = [o('firewall_profile', 'fw', 's.fw')];
  expect(removedObjects(before, after).map((x) => x.path)).toEqual(['db', 'sub', 'net']);
  expect(removedObjects(before, before)).toEqual([]);
});
