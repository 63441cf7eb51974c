// The stack's sweep resource: created before and destroyed after every object (each lifecycle
// resource depends on it, directly or through what it uses), never replaced, no create-time
// provisioner (an interrupt cannot taint it), and a destroy-time `imco-bridge sweep` that receives
// the declared objects: from its own state (`input`) with terraform_data, written into the
// provisioner with null_resource.
import { joinObjectChunks } from '../../lib/spec/object-chunks';
import type { DeclaredObject } from '../../lib/spec/prune';
import { FirewallProfile, Subnet, Vpc, type HandlerFlavour } from '../../lib/constructs';
import { makeStack, provisioners, pruneResourceOf, resourcesOf, sweepResourceOf, synthJson, terraformUnescape, triggersOf } from './helpers';

function stackWithNetwork(flavour: HandlerFlavour) {
  const { stack } = makeStack({ flavour });
  new FirewallProfile(stack, 'fw', { name: 'fw' });
  const vpc = new Vpc(stack, 'net', { name: 'net', cidr: '10.0.0.0/16', cloudAccount: 'acc1', realmProviderName: 'r' });
  new Subnet(stack, 'sub', { vpc, name: 's', cidr: '10.0.1.0/24', type: 'only_public' });
  return synthJson(stack);
}

describe.each<HandlerFlavour>(['terraform_data', 'null_resource'])('%s flavour', (flavour) => {
  test('every lifecycle resource depends on the sweep, directly or through the objects it uses', () => {
    const json = stackWithNetwork(flavour);
    const r = resourcesOf(json, flavour);
    expect(r.fw.depends_on).toEqual([`${flavour}.imco_sweep`]);
    expect(r.net.depends_on).toEqual([`${flavour}.imco_sweep`]);
    expect(r.sub.depends_on).toEqual([`${flavour}.net_sync`]); // net_sync → net → imco_sweep
    expect(sweepResourceOf(json, flavour).depends_on).toBeUndefined();
  });

  test('only a destroy-time provisioner, which receives the stack, the endpoint and the declared objects', () => {
    const json = stackWithNetwork(flavour);
    const sweep = sweepResourceOf(json, flavour);
    const all = provisioners(sweep);
    expect(all).toHaveLength(1);
    const [destroy] = all;
    expect(destroy.when).toBe('destroy');
    expect(destroy.command).toBe('imco-bridge sweep');
    expect(destroy.environment.CONCERTO_ENDPOINT).toBe('https://imco.test:886/v2');
    const prune = pruneResourceOf(json, flavour);
    const declared = JSON.parse(terraformUnescape(triggersOf(prune, flavour).imco_objects_000)) as DeclaredObject[];
    expect(declared.map((o) => o.path)).toEqual(['fw', 'net', 'sub']);
    if (flavour === 'terraform_data') {
      // Never replaced: no triggers; the list lives in `input` (changed in place) and is read from `self`.
      expect(sweep.triggers_replace).toEqual({});
      expect(sweep.input).toEqual({ imco_sweep: 'shop', imco_endpoint: 'https://imco.test:886/v2', imco_objects_000: triggersOf(prune, flavour).imco_objects_000 });
      expect(destroy.environment.IMCO_BRIDGE_OBJECTS_0).toBe('${lookup(self.input, "imco_objects_000", "")}');
      expect(destroy.environment.IMCO_BRIDGE_TRIGGERS).toBe('${jsonencode({ for k, v in self.input : k => v if !startswith(k, "imco_objects_") })}');
    } else {
      // Replaced only with the stack's name; the list is literal text of the configuration.
      expect(sweep.triggers).toEqual({ imco_sweep: 'shop' });
      const env = Object.fromEntries(Object.entries(destroy.environment).map(([k, v]) => [k, terraformUnescape(v)]));
      expect(JSON.parse(joinObjectChunks(env) ?? 'null')).toEqual(declared);
      expect(JSON.parse(env.IMCO_BRIDGE_TRIGGERS)).toEqual({ imco_sweep: 'shop', imco_endpoint: 'https://imco.test:886/v2' });
    }
  });
});

test('a stack without IMCO objects has neither a sweep nor a prune resource', () => {
  const { stack } = makeStack();
  const json = synthJson(stack);
  expect(json.resource?.terraform_data?.imco_sweep).toBeUndefined();
  expect(json.resource?.terraform_data?.imco_prune).toBeUndefined();
});
