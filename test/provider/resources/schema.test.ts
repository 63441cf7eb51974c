// Schema generation from the catalog: attribute names are wire names, immutable fields force
// replacement, nested firewall rules, secrets write-only and never computed, extras, timeouts.
import { kindSpec } from '../../../lib/catalog';
import { providerDefinition } from '../../../lib/provider/definition';
import type { AttributeSchema } from '../../../lib/provider/resource-type';
import { kindModel } from '../../../lib/provider/resources/schema';

const model = (kind: string) => kindModel(kindSpec(kind));
const attr = (kind: string, name: string): AttributeSchema => {
  const a = model(kind).schema.attributes.find((x) => x.name === name);
  if (!a) throw new Error(`imco_${kind} has no attribute ${name}`);
  return a;
};

test('every managed kind and both actions have a resource type, named imco_<kind>', () => {
  const names = providerDefinition().resources.map((r) => r.typeName).sort();
  expect(names).toEqual(
    [
      'imco_attachment', 'imco_cookbook_version', 'imco_firewall_profile', 'imco_floating_ip', 'imco_saas_account',
      'imco_script', 'imco_script_execution', 'imco_server', 'imco_server_array', 'imco_server_reboot', 'imco_ssh_profile',
      'imco_subnet', 'imco_template', 'imco_template_script', 'imco_volume', 'imco_vpc', 'imco_vpn',
    ].sort(),
  );
});

test('firewall profile rules are a nested list of { ip_protocol, min_port, max_port, source }', () => {
  const rules = attr('firewall_profile', 'rules');
  expect(rules.type).toBeUndefined();
  expect(rules.optional).toBe(true);
  expect(rules.nested?.nesting).toBe('list');
  expect(rules.nested?.attributes.map((a) => [a.name, a.type, a.required])).toEqual([
    ['ip_protocol', 'string', true],
    ['min_port', 'number', true],
    ['max_port', 'number', true],
    ['source', 'string', true],
  ]);
  expect(model('firewall_profile').replaceOnChange.has('rules')).toBe(false);
  expect(attr('firewall_profile', 'name').required).toBe(true);
  expect(attr('firewall_profile', 'id')).toMatchObject({ computed: true });
  expect(model('firewall_profile').schema.attributes.some((a) => a.name === 'label_ids')).toBe(false);
});

test('VPC: cidr, cloud account and realm force replacement, name does not', () => {
  const m = model('vpc');
  expect([...m.replaceOnChange].sort()).toEqual(['cidr', 'cloud_account_id', 'realm_provider_name']);
  expect(attr('vpc', 'cidr').required).toBe(true);
  expect(attr('vpc', 'state')).toMatchObject({ computed: true });
  expect(attr('vpc', 'state').optional).toBeUndefined();
});

test('subnet: the parent vpc_id is required and forces replacement, like cidr and type', () => {
  const m = model('subnet');
  expect(attr('subnet', 'vpc_id').required).toBe(true);
  expect([...m.replaceOnChange].sort()).toEqual(['cidr', 'type', 'vpc_id']);
});

test('SSH private key: write-only and sensitive, never computed; env/file/version are plain optional strings', () => {
  const wo = attr('ssh_profile', 'private_key_wo');
  expect(wo).toMatchObject({ writeOnly: true, sensitive: true, optional: true });
  expect(wo.computed).toBeUndefined();
  for (const n of ['private_key_env', 'private_key_file', 'private_key_version']) {
    expect(attr('ssh_profile', n)).toMatchObject({ type: 'string', optional: true });
    expect(attr('ssh_profile', n).computed).toBeUndefined();
  }
  expect(model('ssh_profile').schema.attributes.some((a) => a.name === 'private_key')).toBe(false);
  // The key can be updated in place: a new version is an update, not a replacement.
  expect(model('ssh_profile').replaceOnChange.has('private_key_version')).toBe(false);
});

test('VPN psk cannot be updated in IMCO: a rotation (version, env or file) replaces the VPN', () => {
  const m = model('vpn');
  expect(m.replaceOnChange.has('psk_version')).toBe(true);
  expect(m.replaceOnChange.has('psk_env')).toBe(true);
  expect(attr('vpn', 'exposed_cidrs').type).toEqual(['list', 'string']);
});

test('JSON fields are strings; string maps are map(string)', () => {
  expect(attr('template', 'configuration_attributes').type).toBe('string');
  expect(attr('template', 'cookbook_versions').type).toBe('string');
  expect(attr('template_script', 'parameter_values').type).toEqual(['map', 'string']);
  expect(attr('saas_account', 'account_data_wo')).toMatchObject({ writeOnly: true });
});

test('kind extras: power_state, size, attached_server_id, compile, archive, attachment source', () => {
  expect(attr('server', 'power_state')).toMatchObject({ optional: true, computed: true });
  expect(attr('server_array', 'size')).toMatchObject({ type: 'number', optional: true, computed: true });
  expect(model('server_array').schema.attributes.filter((a) => a.name === 'size')).toHaveLength(1);
  expect(attr('volume', 'attached_server_id').optional).toBe(true);
  expect(attr('floating_ip', 'attached_server_id').optional).toBe(true);
  expect(attr('template', 'compile').type).toBe('bool');
  expect(attr('cookbook_version', 'archive').required).toBe(true);
  expect(model('cookbook_version').replaceOnChange.has('archive_sha256')).toBe(true);
  expect(attr('attachment', 'source').required).toBe(true);
  expect(attr('attachment', 'script_id').required).toBe(true);
  expect(model('attachment').replaceOnChange.has('source_sha256')).toBe(true);
  expect(attr('server_array', 'firewall_profile_id')).toMatchObject({ optional: true, computed: true });
});

test('owner is optional and never forces replacement; every kind has a timeouts block', () => {
  for (const m of providerDefinition().resources) {
    expect(m.schema.blocks?.map((b) => b.typeName)).toEqual(['timeouts']);
  }
  expect(attr('firewall_profile', 'owner')).toMatchObject({ optional: true });
  expect(model('firewall_profile').replaceOnChange.has('owner')).toBe(false);
});

test('provider configuration holds paths only, and the stack identity of the ownership labels', () => {
  const names = providerDefinition().providerSchema.attributes.map((a) => a.name);
  expect(names).toEqual(['endpoint', 'ca_cert_path', 'client_cert_path', 'client_key_path', 'config_path', 'stack', 'stack_instance']);
});

test('attributes carry exactly one of type and nested', () => {
  const check = (a: AttributeSchema) => {
    expect(Number(a.type !== undefined) + Number(a.nested !== undefined)).toBe(1);
    a.nested?.attributes.forEach(check);
  };
  for (const r of providerDefinition().resources) r.schema.attributes.forEach(check);
});
