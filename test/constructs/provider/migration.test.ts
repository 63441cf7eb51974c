// ImcoSettings({ flavour: 'provider', migrateFrom }) at synth level: one `moved` block per object
// from its provisioner lifecycle resource to its imco_<kind> resource (same Terraform name), and
// `removed` blocks without destroy for every `_sync` and action resource and the stack's prune and
// sweep resources — exactly the names the provisioner flavour synthesizes; misuse is a validation
// error naming the fix; without the option there are neither.
import { Secret } from '../../../lib/constructs';
import { buildEveryKind, makeStack, synthJson, validationErrors, withEnv, type Json } from '../helpers';

const SECRETS = { MG_PSK: 'psk', MG_KEY: 'key', MG_DATA: '{"k":"v"}' };

function build(settings: Parameters<typeof makeStack>[0]): { json: Json; errors: string[] } {
  return withEnv(SECRETS, () => {
    const { stack } = makeStack(settings);
    buildEveryKind(stack, { psk: Secret.fromEnv('MG_PSK'), privateKey: Secret.fromEnv('MG_KEY'), accountData: Secret.fromEnv('MG_DATA', { format: 'json' }) });
    return { json: synthJson(stack), errors: validationErrors(stack) };
  });
}

test('moved blocks for every lifecycle resource, removed blocks (no destroy) for everything else of the provisioner flavour', () => {
  const old = build({ flavour: 'terraform_data' }).json.resource.terraform_data as Record<string, unknown>;
  const { json, errors } = build({ flavour: 'provider', migrateFrom: 'terraform_data' });
  expect(errors).toEqual([]);
  const moved = json.moved as { from: string; to: string }[];
  const removed = json.removed as { from: string; lifecycle: { destroy: boolean } }[];
  expect(removed.every((r) => r.lifecycle.destroy === false)).toBe(true);

  // Every resource of the old stack is either moved or forgotten; nothing else is named.
  const covered = [...moved.map((m) => m.from), ...removed.map((r) => r.from)].sort();
  expect(covered).toEqual(expect.arrayContaining(Object.keys(old).map((n) => `terraform_data.${n}`)));
  // Nothing beyond what the provisioner stack has; its sweep resource is forgotten too.
  expect(covered.filter((a) => !Object.keys(old).includes(a.replace(/^terraform_data\./, '')))).toEqual([]);
  expect(covered).toContain('terraform_data.imco_sweep');

  // A move goes to the object's own resource, of the same name; the targets exist in the new stack.
  for (const m of moved) {
    const [type, name] = m.to.split('.');
    expect({ m, to: json.resource[type]?.[name] !== undefined }).toEqual({ m, to: true });
    expect(m.from).toBe(`terraform_data.${name}`);
  }
  expect(moved).toContainEqual({ from: 'terraform_data.network_web', to: 'imco_subnet.network_web' });
  // Actions are forgotten (the provider's action resources run once when created).
  expect(removed.map((r) => r.from)).toEqual(expect.arrayContaining([expect.stringMatching(/^terraform_data\..*_reboot$/), 'terraform_data.imco_prune']));
});

test('from null_resource the blocks name null_resource', () => {
  const { json, errors } = build({ flavour: 'provider', migrateFrom: 'null_resource' });
  expect(errors).toEqual([]);
  expect((json.moved as { from: string }[]).every((m) => m.from.startsWith('null_resource.'))).toBe(true);
  expect((json.removed as { from: string }[]).every((m) => m.from.startsWith('null_resource.'))).toBe(true);
  // Their state is read with the provider they were made with.
  expect(json.terraform.required_providers.null.source).toBe('null'); // cdktf's spelling of hashicorp/null
});

test('without migrateFrom there are no moved or removed blocks', () => {
  const { json } = build({ flavour: 'provider' });
  expect(json.terraform.required_providers.null).toBeUndefined();
  expect(json.moved).toBeUndefined();
  expect(json.removed).toBeUndefined();
});

test('migrateFrom with a provisioner flavour, or an unknown one, is a validation error naming the fix', () => {
  expect(build({ flavour: 'terraform_data', migrateFrom: 'terraform_data' }).errors).toEqual([
    "[shop/imco] ImcoSettings: migrateFrom 'terraform_data' moves a stack to the provider flavour, but flavour is 'terraform_data': set flavour: 'provider' (or leave it out)",
  ]);
  expect(build({ flavour: 'provider', migrateFrom: 'provider' as never }).errors).toEqual([
    "[shop/imco] ImcoSettings: migrateFrom 'provider' is not a flavour to migrate from; use 'terraform_data' or 'null_resource'",
  ]);
});
