// Synth tests for every construct, in both flavours: the spec each kind hands to imco-bridge
// (self, wire fields, extras) and the split of its properties between the lifecycle triggers
// (immutable, per the catalog) and the _sync triggers (mutable, secrets as fingerprints).
import { join } from 'node:path';
import { kindSpec } from '../../lib/catalog';
import { FirewallProfile, ImcoObject, Secret, Template, Volume, type HandlerFlavour } from '../../lib/constructs';
import { FIXTURES, buildEveryKind, makeStack, resourcesOf, specOf, synthJson, triggersOf, validationErrors, withEnv, type Json } from './helpers';

const FLAVOURS: HandlerFlavour[] = ['terraform_data', 'null_resource'];
const SECRET_ENV = { KINDS_PSK: 'psk-value', KINDS_KEY: 'private-key-value', KINDS_DATA: '{"license_key":"abc"}' };

function build(flavour: HandlerFlavour): { r: Record<string, Json>; objects: Record<string, ImcoObject>; errors: string[] } {
  return withEnv(SECRET_ENV, () => {
    const { stack } = makeStack({ flavour });
    const objects = buildEveryKind(stack, {
      psk: Secret.fromEnv('KINDS_PSK'),
      privateKey: Secret.fromEnv('KINDS_KEY'),
      accountData: Secret.fromEnv('KINDS_DATA', { format: 'json' }),
    }) as Record<string, ImcoObject>;
    return { r: resourcesOf(synthJson(stack), flavour), objects, errors: validationErrors(stack) };
  });
}

const ref = (kind: string, path: string) => ({ $ref: { kind, owner: `shop.${path.split('/').join('.')}`, path } });

describe.each(FLAVOURS)('%s flavour', (flavour) => {
  const built = build(flavour);
  const { r, objects } = built;
  const id = (name: string) => `\${${flavour}.${name}.id}`;

  test('the stack with one of every kind is valid and has the expected resources', () => {
    expect(built.errors).toEqual([]);
    expect(Object.keys(r).sort()).toEqual(
      [
        'data', 'data_sync', 'deploy', 'deploy_sync', 'network', 'network_sync', 'network_vpn', 'network_vpn_sync', 'network_web',
        'network_web_sync', 'newrelic', 'newrelic_sync', 'ops-keys', 'ops-keys_sync', 'web-1', 'web-1_exec_deploy', 'web-1_reboot',
        'web-1_sync', 'web-fw', 'web-fw_sync', 'web-ip', 'web-ip_sync', 'web-template', 'web-template_sync', 'webapp-cookbook',
        'webapp-cookbook_sync', 'workers', 'workers_sync',
      ].sort(),
    );
  });

  test.each(Object.keys(build('terraform_data').objects))('%s: immutable fields are lifecycle triggers, mutable ones sync triggers', (key) => {
    const object = objects[key];
    const catalog = kindSpec(object.kind);
    const lifecycle = triggersOf(r[object.resourceName], flavour);
    const sync = triggersOf(r[`${object.resourceName}_sync`], flavour);
    const spec = specOf(r[object.resourceName]);
    for (const field of catalog.immutableFields) {
      if (field in spec.fields) expect(lifecycle).toHaveProperty([field]);
      expect(sync).not.toHaveProperty([field]);
    }
    for (const field of catalog.updateFields) {
      if (field in spec.fields) expect(sync).toHaveProperty([field]);
      expect(lifecycle).not.toHaveProperty([field]);
    }
    expect(lifecycle.imco_kind).toBe(object.kind);
    expect(lifecycle.imco_path).toBe(object.objectPath);
    expect(JSON.parse(lifecycle.imco_self)).toEqual(object.ref);
    expect(sync.imco_lifecycle).toBe(id(object.resourceName));
    expect(spec.timeoutSeconds).toBe(catalog.waitTimeoutSeconds);
  });

  test('template: fields, cookbook versions, scripts in order, compile', () => {
    const spec = specOf(r['web-template']);
    expect(spec.self).toEqual({ kind: 'template', owner: 'shop.web-template', path: 'web-template' });
    expect(spec.fields).toEqual({
      name: 'web',
      generic_image_id: 'img-ubuntu-2204',
      configuration_attributes: { webapp: { port: 8080 } },
      run_list: ['recipe[webapp]'],
      cookbook_versions: { webapp: { version_id: ref('cookbook_version', 'webapp-cookbook') }, nginx: { version: '~> 12.0' } },
    });
    expect(spec.extras).toEqual({
      scripts: { boot: [], operational: [{ script: ref('script', 'deploy'), parameterValues: { VERSION: '1.0' } }], shutdown: [] },
      compile: true,
    });
    expect(triggersOf(r['web-template'], flavour).generic_image_id).toBe('img-ubuntu-2204');
    const sync = triggersOf(r['web-template_sync'], flavour);
    expect(JSON.parse(sync.cookbook_versions)).toEqual({ webapp: { version_id: id('webapp-cookbook') }, nginx: { version: '~> 12.0' } });
    expect(JSON.parse(sync.scripts)).toEqual({ boot: [], operational: [{ script: id('deploy'), parameterValues: { VERSION: '1.0' } }], shutdown: [] });
    expect(sync.compile).toBe('true');
    expect(r['web-template'].depends_on).toEqual([`${flavour}.webapp-cookbook_sync`, `${flavour}.deploy_sync`]);
  });

  test('script: code from codeFile, parameters, attachments with digests', () => {
    const spec = specOf(r.deploy);
    expect(spec.fields).toEqual({ name: 'deploy', description: '', code: '#!/bin/sh\necho "deploying ${VERSION}"\n', parameters: ['VERSION'] });
    expect(spec.extras).toEqual({
      attachments: [{ name: 'nginx.conf', path: join(FIXTURES, 'nginx.conf'), sha256: 'ae7ea37f433fb97005c5025e69e5fcefe0ea3c808e5d3a1dd0c3499958dfe539' }],
    });
    expect(JSON.parse(triggersOf(r.deploy_sync, flavour).attachments)).toEqual([
      { name: 'nginx.conf', sha256: 'ae7ea37f433fb97005c5025e69e5fcefe0ea3c808e5d3a1dd0c3499958dfe539' },
    ]);
  });

  test('cookbook version: archive from the directory; its digest is a lifecycle trigger', () => {
    const spec = specOf(r['webapp-cookbook']);
    expect(spec.fields).toEqual({});
    expect(spec.extras.archive).toEqual({ name: 'webapp', path: join(FIXTURES, 'cookbooks', 'webapp'), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(triggersOf(r['webapp-cookbook'], flavour).archive_sha256).toBe(spec.extras.archive?.sha256);
    expect(triggersOf(r['webapp-cookbook_sync'], flavour)).toEqual({ imco_lifecycle: id('webapp-cookbook') });
  });

  test('firewall profile: typed rules become wire rules', () => {
    expect(specOf(r['web-fw']).fields.rules).toEqual([
      { ip_protocol: 'tcp', min_port: 443, max_port: 443, source: '0.0.0.0/0' },
      { ip_protocol: 'tcp', min_port: 8000, max_port: 8080, source: '10.0.0.0/8' },
    ]);
  });

  test('vpc: CIDR, cloud account and realm immutable, name mutable', () => {
    expect(specOf(r.network).fields).toEqual({ name: 'main', cidr: '10.0.0.0/16', cloud_account_id: 'ca-aws', realm_provider_name: 'eu-west-1' });
    expect(triggersOf(r.network_sync, flavour)).toEqual({ imco_lifecycle: id('network'), name: 'main' });
  });

  test('subnet: natural key in its VPC, no vpc field', () => {
    const spec = specOf(r.network_web);
    expect(spec.fields).toEqual({ name: 'web', cidr: '10.0.1.0/24', type: 'only_public' });
    expect(spec.self).toEqual({ kind: 'subnet', parent: ref('vpc', 'network').$ref, natural: { cidr: '10.0.1.0/24' }, path: 'network/web' });
  });

  test('vpn: singleton of its VPC; psk by reference, its fingerprint a lifecycle trigger (VPNs cannot be updated)', () => {
    const spec = specOf(r.network_vpn);
    expect(spec.self).toEqual({ kind: 'vpn', parent: ref('vpc', 'network').$ref, path: 'network/vpn' });
    expect(spec.fields).toEqual({
      public_ip: '203.0.113.10',
      psk: { $secret: { env: 'KINDS_PSK', format: 'text' } },
      exposed_cidrs: ['10.0.0.0/16'],
      vpn_plan_id: 'vpnplan-1',
    });
    expect(triggersOf(r.network_vpn, flavour).psk).toMatch(/^scrypt-hmac:[0-9a-f]{32}$/);
    expect(triggersOf(r.network_vpn, flavour).imco_parent).toBe(id('network'));
    expect(triggersOf(r.network_vpn_sync, flavour)).toEqual({ imco_lifecycle: id('network_vpn') });
  });

  test('floating IP and volume: attachment to the server as an extra, its lifecycle id in the sync triggers', () => {
    for (const name of ['web-ip', 'data']) {
      expect(specOf(r[name]).extras).toEqual({ attachTo: ref('server', 'web-1') });
      expect(triggersOf(r[`${name}_sync`], flavour).attach_to).toBe(id('web-1'));
      expect(r[name].depends_on).toEqual([`${flavour}.web-1_sync`]);
    }
    expect(specOf(r['web-ip']).fields).toEqual({ name: 'web-ip', cloud_account_id: 'ca-aws', realm_id: 'realm-eu' });
    expect(specOf(r.data).fields).toEqual({ name: 'data', size: 50, cloud_account_id: 'ca-aws', storage_plan_id: 'sp-gp3' });
    expect(triggersOf(r.data, flavour).size).toBe('50');
  });

  test('ssh profile: public key from the file, private key by reference and fingerprint', () => {
    const spec = specOf(r['ops-keys']);
    expect(spec.fields).toEqual({
      name: 'ops',
      public_key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGZmaXh0dXJlLWtleS1mb3ItdGVzdHMtb25seQ fixture@imco',
      private_key: { $secret: { env: 'KINDS_KEY', format: 'text' } },
    });
    expect(triggersOf(r['ops-keys_sync'], flavour).private_key).toMatch(/^scrypt-hmac:[0-9a-f]{32}$/);
  });

  test('server: references, power state', () => {
    const spec = specOf(r['web-1']);
    expect(spec.fields).toEqual({
      name: 'web-1',
      template_id: ref('template', 'web-template'),
      server_plan_id: 'plan-t3-medium',
      cloud_account_id: 'ca-aws',
      ssh_profile_id: ref('ssh_profile', 'ops-keys'),
      firewall_profile_id: ref('firewall_profile', 'web-fw'),
      subnet_id: { $ref: { kind: 'subnet', parent: ref('vpc', 'network').$ref, natural: { cidr: '10.0.1.0/24' }, path: 'network/web' } },
    });
    expect(spec.extras).toEqual({ power: 'operational' });
    expect(triggersOf(r['web-1_sync'], flavour)).toEqual({ imco_lifecycle: id('web-1'), name: 'web-1', power: 'operational' });
    expect(triggersOf(r['web-1'], flavour).subnet_id).toBe(id('network_web'));
  });

  test('server array: size and power state are mutable extras, not create fields', () => {
    const spec = specOf(r.workers);
    expect(spec.fields).toEqual({
      name: 'workers',
      template_id: ref('template', 'web-template'),
      cloud_account_id: 'ca-aws',
      server_plan_id: 'plan-t3-medium',
      firewall_profile_id: ref('firewall_profile', 'web-fw'),
      ssh_profile_id: 'ssh-default',
      subnet_id: { $ref: { kind: 'subnet', parent: ref('vpc', 'network').$ref, natural: { cidr: '10.0.1.0/24' }, path: 'network/web' } },
    });
    expect(spec.extras).toEqual({ size: 2, power: 'inactive' });
    expect(triggersOf(r.workers_sync, flavour)).toEqual({ imco_lifecycle: id('workers'), name: 'workers', size: '2', power: 'inactive' });
    expect(triggersOf(r.workers, flavour)).not.toHaveProperty('size');
  });

  test('saas account: natural key = provider; account data a JSON secret, fingerprinted in the sync', () => {
    const spec = specOf(r.newrelic);
    expect(spec.self).toEqual({ kind: 'saas_account', natural: { saas_provider_id: 'saas-newrelic' }, path: 'newrelic' });
    expect(spec.fields).toEqual({ saas_provider_id: 'saas-newrelic', account_data: { $secret: { env: 'KINDS_DATA', format: 'json' } } });
    expect(triggersOf(r.newrelic_sync, flavour).account_data).toMatch(/^scrypt-hmac:[0-9a-f]{32}$/);
    expect(triggersOf(r.newrelic, flavour).saas_provider_id).toBe('saas-newrelic');
  });

  test('constructs expose kind, ownerLabel, ref, resource and syncResource', () => {
    const server = objects.server;
    expect(server.kind).toBe('server');
    // The label carries the stack instance (a digest after the readable part); the ref keeps the
    // ownership key of earlier versions, so upgrading changes no trigger.
    expect(server.ownerLabel).toMatch(/^shop\.web-1-[0-9a-f]{16}$/);
    expect(server.ref).toEqual({ kind: 'server', owner: 'shop.web-1', path: 'web-1' });
    expect(server.resource.terraformResourceType).toBe(flavour);
    expect(server.syncResource.friendlyUniqueId).toBe('web-1_sync');
    expect(objects.subnet.ownerLabel).toBeUndefined();
  });
});

describe('optional properties', () => {
  test('defaults: empty description/rules, no optional create fields, detached volume, compile true', () => {
    const { stack } = makeStack();
    new FirewallProfile(stack, 'fw', { name: 'fw' });
    new Template(stack, 'tpl', { name: 'tpl', genericImage: { id: 'img-1' }, compile: false });
    new Volume(stack, 'vol', { name: 'vol', size: 10, cloudAccount: 'ca', storagePlan: 'sp' });
    const r = resourcesOf(synthJson(stack), 'terraform_data');
    expect(specOf(r.fw).fields).toEqual({ name: 'fw', description: '', rules: [] });
    expect(specOf(r.tpl).fields).toEqual({ name: 'tpl', generic_image_id: 'img-1', configuration_attributes: {}, run_list: [], cookbook_versions: {} });
    expect(specOf(r.tpl).extras).toEqual({ scripts: { boot: [], operational: [], shutdown: [] }, compile: false });
    expect(specOf(r.vol).extras).toEqual({ attachTo: null });
    expect(triggersOf(r.vol_sync, 'terraform_data').attach_to).toBe('');
    expect(validationErrors(stack)).toEqual([]);
  });

  test('Supermarket constraints are normalised to "<op> <version>"', () => {
    const { stack } = makeStack();
    new Template(stack, 'tpl', { name: 'tpl', genericImage: 'img', cookbookVersions: { a: '~>1.2', b: '2.0.1', c: '>= 3' } });
    expect(specOf(resourcesOf(synthJson(stack), 'terraform_data').tpl).fields.cookbook_versions).toEqual({
      a: { version: '~> 1.2' },
      b: { version: '= 2.0.1' },
      c: { version: '>= 3' },
    });
  });
});
