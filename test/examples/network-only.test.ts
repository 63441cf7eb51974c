// examples/network-only.ts synthesizes with the committed-context flow (IMCO_CONTEXT=strict, the
// emulator's seeded lookups): the expected resources, lookups resolved into the specs, the VPN's
// pre-shared key only as a reference and a fingerprint, and no validation errors — in the default
// (provider) flavour, and in the terraform_data flavour the example also supports.
import { NetworkOnlyStack } from '../../examples/network-only';
import { seedId } from '../../lib/emulator/ids';
import { specOf, triggersOf } from '../constructs/helpers';
import { dataResources, seededLookups, synthExample, TEST_ENDPOINT } from './support';

const PSK = `psk-${Math.random().toString(36).slice(2)}-example`;

/** The provisioner encoding of the example (flavour terraform_data, explicitly). */
const synth = (env: Record<string, string | undefined> = {}, lookups = seededLookups()) =>
  synthExample((app, id) => new NetworkOnlyStack(app, id, { settings: { flavour: 'terraform_data' } }), { lookups, env: { IMCO_NETWORK_VPN_PSK: PSK, ...env } });

/** The example as written (the default flavour: the provider). */
const synthDefault = (env: Record<string, string | undefined> = {}) =>
  synthExample((app, id) => new NetworkOnlyStack(app, id), { lookups: seededLookups(), env: { IMCO_NETWORK_VPN_PSK: PSK, ...env } });

describe('provider flavour (the default)', () => {
  test('one imco_* resource per object, no terraform_data; lookups resolved; the VPN plan by name', () => {
    const { errors, json, text } = synthDefault();
    expect(errors).toEqual([]);
    expect(Object.keys(json.resource).sort()).toEqual(['imco_firewall_profile', 'imco_subnet', 'imco_vpc', 'imco_vpn']);
    expect(text).not.toContain('terraform_data');
    const vpc = json.resource.imco_vpc.vpc;
    expect(vpc).toEqual(
      expect.objectContaining({
        cidr: '10.60.0.0/16',
        cloud_account_id: seedId('cloud_account:AWS-cloud_account-production'),
        realm_provider_name: 'eu-west-1',
        owner: json.output.vpc_label.value,
      }),
    );
    for (const subnet of ['public', 'private']) expect(json.resource.imco_subnet[subnet].vpc_id).toBe('${imco_vpc.vpc.id}');
    const vpn = json.resource.imco_vpn.vpn;
    expect(vpn).toEqual(expect.objectContaining({ vpc_id: '${imco_vpc.vpc.id}', vpn_plan_name: 'Site-to-Site VPN', psk_env: 'IMCO_NETWORK_VPN_PSK' }));
    expect(vpn.vpn_plan_id).toBeUndefined();
    expect(json.resource.imco_firewall_profile['db-fw'].rules).toEqual([
      { ip_protocol: 'tcp', min_port: 5432, max_port: 5432, source: '10.60.1.0/24' },
      { ip_protocol: 'udp', min_port: 49152, max_port: 65535, source: '203.0.113.40' },
    ]);
  });

  test('the pre-shared key is only a reference and a fingerprint; rotating it changes psk_version', () => {
    const first = synthDefault();
    expect(first.text).not.toContain(PSK);
    const version = first.json.resource.imco_vpn.vpn.psk_version;
    expect(version).toMatch(/^scrypt-hmac:[0-9a-f]{32}$/);
    const rotated = synthDefault({ IMCO_NETWORK_VPN_PSK: `${PSK}-rotated` });
    expect(rotated.json.resource.imco_vpn.vpn.psk_version).not.toBe(version);
  });
});

test('synthesizes a VPC, two subnets, a VPN and two firewall profiles without validation errors', () => {
  const { errors, json } = synth();
  expect(errors).toEqual([]);
  const names = Object.keys(dataResources(json)).sort();
  expect(names).toEqual(
    ['db-fw', 'db-fw_sync', 'imco_prune', 'imco_sweep', 'private', 'private_sync', 'public', 'public_sync', 'vpc', 'vpc_sync', 'vpn', 'vpn_sync', 'web-fw', 'web-fw_sync'].sort(),
  );
  expect(json.output).toEqual({
    realm: expect.objectContaining({ value: 'eu-west-1' }),
    vpc_label: expect.objectContaining({ value: expect.stringMatching(/^example\.vpc-[0-9a-f]{16}$/) }),
  });
});

test('lookups resolve to the seeded cloud account and realm; subnets and VPN hang off the VPC', () => {
  const { json } = synth();
  const r = dataResources(json);
  const vpc = triggersOf(r.vpc, 'terraform_data');
  expect(vpc).toEqual(
    expect.objectContaining({
      imco_kind: 'vpc',
      imco_endpoint: TEST_ENDPOINT,
      cidr: '10.60.0.0/16',
      cloud_account_id: seedId('cloud_account:AWS-cloud_account-production'),
      realm_provider_name: 'eu-west-1',
    }),
  );
  for (const subnet of ['public', 'private']) {
    expect(triggersOf(r[subnet], 'terraform_data').imco_parent).toBe('${terraform_data.vpc.id}');
  }
  expect(specOf(r.private).fields).toEqual({ name: 'edge-private', cidr: '10.60.2.0/24', type: 'only_private' });
  const vpn = specOf(r.vpn);
  expect(vpn.fields.vpn_plan_id).toEqual({
    $ref: { kind: 'vpn_plan', parent: { kind: 'vpc', owner: 'example.vpc', path: 'vpc' }, natural: { name: 'Site-to-Site VPN' } },
  });
  expect(specOf(r['db-fw']).fields.rules).toEqual([
    { ip_protocol: 'tcp', min_port: 5432, max_port: 5432, source: '10.60.1.0/24' },
    { ip_protocol: 'udp', min_port: 49152, max_port: 65535, source: '203.0.113.40' },
  ]);
});

test('the pre-shared key reaches cdk.tf.json only as a reference and a fingerprint; rotating it replaces the VPN', () => {
  const first = synth();
  expect(first.text).not.toContain(PSK);
  expect(specOf(dataResources(first.json).vpn).fields.psk).toEqual({ $secret: { env: 'IMCO_NETWORK_VPN_PSK', format: 'text' } });
  const fingerprint = triggersOf(dataResources(first.json).vpn, 'terraform_data').psk;
  expect(fingerprint).toMatch(/^scrypt-hmac:[0-9a-f]{32}$/);

  const rotated = synth({ IMCO_NETWORK_VPN_PSK: `${PSK}-rotated` });
  const after = triggersOf(dataResources(rotated.json).vpn, 'terraform_data').psk;
  expect(after).not.toBe(fingerprint);
  // A VPN cannot be updated in IMCO: the key is an immutable (lifecycle) trigger, not a sync one.
  expect(triggersOf(dataResources(rotated.json).vpn_sync, 'terraform_data').psk).toBeUndefined();
});

test('without the key or its lookups the example fails validation with the fixes', () => {
  const { errors } = synth({ IMCO_NETWORK_VPN_PSK: undefined }, {});
  expect(errors.join('\n')).toContain('secret environment variable IMCO_NETWORK_VPN_PSK is not set at synth');
  expect(errors.join('\n')).toContain('2 lookup(s) missing');
  expect(errors.join('\n')).toContain("npx imco-bridge context refresh 'cloud_account:name=AWS-cloud_account-production' 'realm:cloudProvider=AWS;name=EU (Ireland)'");
});
