// The stack's prune resource: it lists every declared object, runs after all of them, and its
// provisioners read only `self` (so the destroy-time one is legal).
import { FirewallProfile, Subnet, Vpc, type HandlerFlavour } from '../../lib/constructs';
import { removedObjects, type DeclaredObject } from '../../lib/bridge/prune';
import { makeStack, provisioners, pruneResourceOf, synthJson, triggersOf } from './helpers';

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
    const objects = JSON.parse(triggers.imco_objects) as DeclaredObject[];
    expect(objects.map((o) => `${o.kind}:${o.path}`)).toEqual(['firewall_profile:fw', 'vpc:net', 'subnet:sub']);
    expect(objects[2].self).toEqual({ kind: 'subnet', parent: { kind: 'vpc', owner: 'shop.net', path: 'net' }, natural: { cidr: '10.0.1.0/24' }, path: 'sub' });
    expect(prune.depends_on).toEqual(
      expect.arrayContaining([`${flavour}.fw`, `${flavour}.fw_sync`, `${flavour}.net`, `${flavour}.net_sync`, `${flavour}.sub`, `${flavour}.sub_sync`]),
    );
    const [create, destroy] = provisioners(prune);
    expect(create.command).toBe('imco-bridge prune');
    expect(destroy).toEqual(expect.objectContaining({ when: 'destroy', command: 'imco-bridge prune-record' }));
    const self = flavour === 'terraform_data' ? '${jsonencode(self.triggers_replace)}' : '${jsonencode(self.triggers)}';
    expect(create.environment.IMCO_BRIDGE_TRIGGERS).toBe(self);
    expect(destroy.environment).toEqual({ IMCO_BRIDGE_TRIGGERS: self });
  });
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
