// The provider flavour (design §2a) at synth level: one `imco_<kind>` resource per object with the
// attributes the provider conventions name, built from the same desired state as the provisioner
// flavours; references as Terraform references; template scripts, attachments and actions as
// resources of their own; secrets only as env/file references and fingerprints; the provider block.
import { join } from 'node:path';
import { App, TerraformStack, Testing } from 'cdktf';
import { isRef, isSecret, type SpecValue } from '../../../lib/spec/spec';
import {
  FirewallProfile, ImcoObject, RemovedImcoObject, Script, Secret, Server, Template, Vpc, Vpn, VpnPlan, ImcoSettings,
} from '../../../lib/constructs';
import {
  FIXTURES, buildEveryKind, makeStack, resourcesOf, specOf, synthJson, terraformUnescape, triggersOf, validationErrors, withEnv, type Json,
} from '../helpers';

const SECRET_ENV = { PF_PSK: 'psk-9f3c-never-in-json', PF_KEY: 'private-key-5d1e-never-in-json', PF_DATA: '{"license_key":"lic-77ab-never-in-json"}' };

function build(flavour: 'provider' | 'terraform_data', settings: { timeouts?: Record<string, number> } = {}) {
  return withEnv(SECRET_ENV, () => {
    const { stack } = makeStack({ flavour, ...settings });
    const objects = buildEveryKind(stack, {
      psk: Secret.fromEnv('PF_PSK'),
      privateKey: Secret.fromEnv('PF_KEY'),
      accountData: Secret.fromEnv('PF_DATA', { format: 'json' }),
    }) as Record<string, ImcoObject>;
    const json = synthJson(stack);
    return { stack, json, text: Testing.synth(stack), objects, errors: validationErrors(stack) };
  });
}

/** `{ "imco_vpc.network": attributes, … }` of every resource in the stack. */
function byAddress(json: Json): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [type, resources] of Object.entries((json.resource ?? {}) as Record<string, Record<string, Json>>)) {
    for (const [name, body] of Object.entries(resources)) out[`${type}.${name}`] = body;
  }
  return out;
}

const idOf = (address: string) => `\${${address}.id}`;

describe('provider flavour: one of every kind', () => {
  const built = build('provider');
  const r = byAddress(built.json);
  const provisioned = build('terraform_data');
  const p = resourcesOf(provisioned.json, 'terraform_data');

  test('the stack is valid and has exactly one imco_<kind> resource per object, plus parts and actions', () => {
    expect(built.errors).toEqual([]);
    expect(Object.keys(r).sort()).toEqual(
      [
        'imco_attachment.deploy_attachment_nginx_conf', 'imco_cookbook_version.webapp-cookbook', 'imco_firewall_profile.web-fw',
        'imco_floating_ip.web-ip', 'imco_saas_account.newrelic', 'imco_script.deploy', 'imco_script_execution.web-1_exec_deploy',
        'imco_server.web-1', 'imco_server_array.workers', 'imco_server_reboot.web-1_reboot', 'imco_ssh_profile.ops-keys',
        'imco_subnet.network_web', 'imco_template.web-template', 'imco_template_script.web-template_operational_1', 'imco_volume.data',
        'imco_vpc.network', 'imco_vpn.network_vpn',
      ].sort(),
    );
    for (const object of Object.values(built.objects)) {
      expect(object.resource.terraformResourceType).toBe(`imco_${object.kind}`);
      expect(object.resource.friendlyUniqueId).toBe(object.resourceName);
      expect(object.syncResource).toBe(object.resource);
    }
  });

  test('no provisioner resource, no provisioner and no prune resource in this flavour', () => {
    for (const word of ['terraform_data', 'null_resource', 'imco_prune', 'local-exec', 'provisioner', 'IMCO_BRIDGE_SPEC', '_sync']) {
      expect(built.text).not.toContain(word);
    }
    expect(built.json.removed).toBeUndefined();
  });

  test.each(Object.keys(build('provider').objects))('%s: every desired field is an attribute, from the same spec the provisioners get', (key) => {
    const object = built.objects[key];
    const spec = specOf(p[object.resourceName]);
    const attrs = r[`imco_${object.kind}.${object.resourceName}`];
    const expectLiteral = (v: SpecValue): unknown => {
      if (isRef(v)) {
        const target = Object.values(built.objects).find((o) => o.objectPath === v.$ref.path) as ImcoObject;
        return idOf(`imco_${target.kind}.${target.resourceName}`);
      }
      if (Array.isArray(v)) return v.map(expectLiteral);
      if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, expectLiteral(x as SpecValue)]));
      return v;
    };
    for (const [field, value] of Object.entries(spec.fields)) {
      if (isSecret(value)) {
        expect(attrs[`${field}_env`]).toBe(value.$secret.env);
        expect(attrs[`${field}_version`]).toMatch(/^scrypt-hmac:[0-9a-f]{32}$/);
        expect(attrs).not.toHaveProperty([field]);
      } else if (field === 'configuration_attributes' || field === 'cookbook_versions') {
        expect(JSON.parse(terraformUnescape(attrs[field]))).toEqual(expectLiteral(value));
      } else {
        expect(JSON.parse(terraformUnescape(JSON.stringify(attrs[field])))).toEqual(expectLiteral(value));
      }
    }
    if (object.ownerLabel !== undefined) expect(attrs.owner).toBe(object.ownerLabel);
    else expect(attrs).not.toHaveProperty(['owner']);
    expect(attrs).not.toHaveProperty(['label_ids']);
    expect(attrs).not.toHaveProperty(['timeouts']);
  });

  test('references between constructs are Terraform references to the id of the referenced resource', () => {
    expect(r['imco_subnet.network_web'].vpc_id).toBe(idOf('imco_vpc.network'));
    expect(r['imco_vpn.network_vpn'].vpc_id).toBe(idOf('imco_vpc.network'));
    expect(r['imco_server.web-1']).toEqual(
      expect.objectContaining({
        template_id: idOf('imco_template.web-template'),
        ssh_profile_id: idOf('imco_ssh_profile.ops-keys'),
        firewall_profile_id: idOf('imco_firewall_profile.web-fw'),
        subnet_id: idOf('imco_subnet.network_web'),
        // lookups stay the literal ids resolved at synth
        server_plan_id: 'plan-t3-medium',
        cloud_account_id: 'ca-aws',
      }),
    );
    expect(r['imco_server_array.workers'].ssh_profile_id).toBe('ssh-default');
    expect(JSON.parse(r['imco_template.web-template'].cookbook_versions)).toEqual({
      webapp: { version_id: idOf('imco_cookbook_version.webapp-cookbook') },
      nginx: { version: '~> 12.0' },
    });
    for (const name of ['imco_volume.data', 'imco_floating_ip.web-ip']) expect(r[name].attached_server_id).toBe(idOf('imco_server.web-1'));
  });

  test('extras: power state, array size, compile, cookbook archive', () => {
    expect(r['imco_server.web-1'].power_state).toBe('operational');
    expect(r['imco_server_array.workers']).toEqual(expect.objectContaining({ power_state: 'inactive', size: 2 }));
    expect(r['imco_template.web-template'].compile).toBe(true);
    expect(r['imco_cookbook_version.webapp-cookbook']).toEqual({
      archive: join(FIXTURES, 'cookbooks', 'webapp'),
      archive_sha256: specOf(p['webapp-cookbook']).extras.archive?.sha256,
      owner: expect.stringMatching(/^shop\.webapp-cookbook-[0-9a-f]{16}$/),
    });
  });

  test('template scripts and attachments are resources of their own, after what they need', () => {
    expect(r['imco_template_script.web-template_operational_1']).toEqual({
      template_id: idOf('imco_template.web-template'),
      type: 'operational',
      script_id: idOf('imco_script.deploy'),
      parameter_values: { VERSION: '1.0' },
      depends_on: ['imco_attachment.deploy_attachment_nginx_conf'],
    });
    expect(r['imco_attachment.deploy_attachment_nginx_conf']).toEqual({
      script_id: idOf('imco_script.deploy'),
      name: 'nginx.conf',
      source: join(FIXTURES, 'nginx.conf'),
      source_sha256: 'ae7ea37f433fb97005c5025e69e5fcefe0ea3c808e5d3a1dd0c3499958dfe539',
    });
    // A server boots with its template's scripts in place.
    expect(r['imco_server.web-1'].depends_on).toEqual(['imco_template_script.web-template_operational_1']);
    expect(r['imco_server_array.workers'].depends_on).toEqual(['imco_template_script.web-template_operational_1']);
    expect(built.objects.template.partResources.map((x) => x.friendlyUniqueId)).toEqual(['web-template_operational_1']);
  });

  test('actions: reboot and script execution with triggers', () => {
    expect(r['imco_server_reboot.web-1_reboot']).toEqual({ server_id: idOf('imco_server.web-1'), triggers: { trigger: 'r1' } });
    expect(r['imco_script_execution.web-1_exec_deploy']).toEqual({
      server_id: idOf('imco_server.web-1'),
      script_id: idOf('imco_script.deploy'),
      triggers: { trigger: 'v1' },
      depends_on: ['imco_attachment.deploy_attachment_nginx_conf'],
    });
    expect(built.objects.server.actionResources.map((a) => a.terraformResourceType)).toEqual(['imco_server_reboot', 'imco_script_execution']);
  });

  test('secrets: env reference and the fingerprint computed today, never the value', () => {
    expect(r['imco_vpn.network_vpn']).toEqual(expect.objectContaining({ psk_env: 'PF_PSK', psk_version: triggersOf(p.network_vpn, 'terraform_data').psk }));
    expect(r['imco_ssh_profile.ops-keys']).toEqual(
      expect.objectContaining({ private_key_env: 'PF_KEY', private_key_version: triggersOf(p['ops-keys_sync'], 'terraform_data').private_key }),
    );
    expect(r['imco_saas_account.newrelic']).toEqual({
      saas_provider_id: 'saas-newrelic',
      account_data_env: 'PF_DATA',
      account_data_version: triggersOf(p.newrelic_sync, 'terraform_data').account_data,
    });
    for (const value of ['psk-9f3c', 'private-key-5d1e', 'lic-77ab']) expect(built.text).not.toContain(value);
  });

  test('the stack requires imco/imco at the package version and configures it with the endpoint', () => {
    expect(built.json.terraform.required_providers).toEqual({ imco: { source: 'imco/imco', version: '0.1.0' } });
    expect(built.json.provider).toEqual({ imco: [{ endpoint: 'https://imco.test:886/v2', stack: 'shop', stack_instance: expect.stringMatching(/^[A-Za-z0-9_-]{8,40}$/) }] });
  });
});

describe('provider flavour: settings', () => {
  test('credential file paths (absolute) go into the provider block, never their content', () => {
    const { stack } = makeStack({
      flavour: 'provider',
      credentials: { caCertPath: 'certs/ca.pem', clientCertPath: '/etc/imco/cert.pem', clientKeyPath: '/etc/imco/key.pem', configPath: '/etc/imco/client.xml' },
    });
    const json = synthJson(stack);
    expect(json.provider.imco).toEqual([
      {
        endpoint: 'https://imco.test:886/v2',
        ca_cert_path: join(process.cwd(), 'certs/ca.pem'),
        client_cert_path: '/etc/imco/cert.pem',
        client_key_path: '/etc/imco/key.pem',
        config_path: '/etc/imco/client.xml',
        stack: 'shop',
        stack_instance: expect.any(String),
      },
    ]);
  });

  test('without an explicit endpoint the provider block is empty (the provider discovers it like cio); a stack without objects still gets it', () => {
    withEnv({ CONCERTO_ENDPOINT: 'https://discovered.test:886' }, () => {
      const app = Testing.app();
      const stack = new TerraformStack(app, 'bare');
      new ImcoSettings(stack, 'imco', { flavour: 'provider' });
      const json = synthJson(stack);
      expect(json.provider).toEqual({ imco: [{ stack: 'bare', stack_instance: expect.any(String) }] });
      expect(json.terraform.required_providers.imco.source).toBe('imco/imco');
      expect(validationErrors(stack)).toEqual([]);
    });
  });

  test('timeouts from ImcoSettings and timeoutSeconds become a timeouts block', () => {
    const { stack } = makeStack({ flavour: 'provider', timeouts: { firewall_profile: 90 } });
    new FirewallProfile(stack, 'fw', { name: 'fw' });
    new FirewallProfile(stack, 'fw2', { name: 'fw2', timeoutSeconds: 45 });
    new Vpc(stack, 'net', { name: 'net', cidr: '10.0.0.0/16', cloudAccount: 'ca', realmProviderName: 'r' });
    const r = byAddress(synthJson(stack));
    expect(r['imco_firewall_profile.fw'].timeouts).toEqual({ create: '90s', update: '90s', delete: '90s' });
    expect(r['imco_firewall_profile.fw2'].timeouts).toEqual({ create: '45s', update: '45s', delete: '45s' });
    expect(r['imco_vpc.net']).not.toHaveProperty(['timeouts']);
  });

  test('an unknown flavour names the three there are', () => {
    const { stack } = makeStack({ flavour: 'terraform' as never });
    expect(validationErrors(stack)).toEqual([
      "[shop/imco] ImcoSettings: flavour 'terraform' is not supported; use 'provider', 'terraform_data' or 'null_resource'",
    ]);
  });
});

describe('provider flavour: encoding details', () => {
  test('template scripts keep their order (each after the previous one of its type) and escape literal text', () => {
    const { stack } = makeStack({ flavour: 'provider' });
    const a = new Script(stack, 'a', { name: 'a', code: 'echo ${HOME}', parameters: ['P'] });
    const b = new Script(stack, 'b', { name: 'b' });
    new Template(stack, 'tpl', {
      name: 'tpl',
      genericImage: 'img',
      configurationAttributes: { motd: 'hi ${user}' },
      bootScripts: [{ script: a, parameterValues: { P: '${not-an-expression}' } }, { script: b }],
      shutdownScripts: [{ script: b }],
    });
    const r = byAddress(synthJson(stack));
    expect(r['imco_script.a'].code).toBe('echo $${HOME}');
    expect(r['imco_template.tpl'].configuration_attributes).toBe('{"motd":"hi $${user}"}');
    expect(r['imco_template_script.tpl_boot_1']).toEqual(
      expect.objectContaining({ type: 'boot', script_id: idOf('imco_script.a'), parameter_values: { P: '$${not-an-expression}' } }),
    );
    expect(r['imco_template_script.tpl_boot_1'].depends_on).toBeUndefined();
    expect(r['imco_template_script.tpl_boot_2']).toEqual(
      expect.objectContaining({ type: 'boot', script_id: idOf('imco_script.b'), parameter_values: {}, depends_on: ['imco_template_script.tpl_boot_1'] }),
    );
    expect(r['imco_template_script.tpl_shutdown_1'].depends_on).toBeUndefined();
  });

  test('a VPN plan given by name becomes vpn_plan_name, which the provider resolves among the VPC\'s plans at create', () => {
    withEnv({ PF_PSK: 'x' }, () => {
      const { stack } = makeStack({ flavour: 'provider' });
      const vpc = new Vpc(stack, 'net', { name: 'net', cidr: '10.0.0.0/16', cloudAccount: 'ca', realmProviderName: 'r' });
      new Vpn(vpc, 'vpn', { vpc, publicIp: '198.51.100.7', psk: Secret.fromEnv('PF_PSK'), exposedCidrs: ['10.0.0.0/16'], vpnPlan: VpnPlan.named('basic') });
      expect(validationErrors(stack)).toEqual([]);
      const vpn = synthJson(stack).resource.imco_vpn.net_vpn;
      expect(vpn.vpn_plan_name).toBe('basic');
      expect(vpn.vpn_plan_id).toBeUndefined();
      expect(vpn.vpc_id).toBe('${imco_vpc.net.id}');
    });
  });

  test('RemovedImcoObject is refused: removing the construct is an ordinary delete', () => {
    const { stack } = makeStack({ flavour: 'provider' });
    new RemovedImcoObject(stack, 'gone', { path: 'network/web' });
    expect(validationErrors(stack)).toEqual([
      "[shop/gone] RemovedImcoObject 'network/web': not needed with the provider flavour — removing a construct deletes its IMCO object on the next terraform apply; remove this tombstone",
    ]);
    expect(synthJson(stack).removed).toBeUndefined();
  });

  test('IMCO_DRIFT=plan is a no-op with a warning (plan refreshes by itself); no live synth', () => {
    withEnv({ IMCO_DRIFT: 'plan' }, () => {
      const app = new App({ outdir: '/nonexistent-never-written' });
      const stack = new TerraformStack(app, 'drifty');
      new ImcoSettings(stack, 'imco', { flavour: 'provider', endpoint: 'https://imco.test:886' });
      new FirewallProfile(stack, 'fw', { name: 'fw' });
      const warnings = stack.node.metadata.filter((m) => m.type === 'aws:cdk:warning' || String(m.type).includes('warn')).map((m) => String(m.data));
      expect(warnings).toEqual([expect.stringContaining('IMCO_DRIFT=plan has no effect with the provider flavour')]);
      expect(byAddress(synthJson(stack))['imco_firewall_profile.fw']).toEqual({ name: 'fw', description: '', rules: [], owner: expect.stringMatching(/^drifty\.fw-[0-9a-f]{16}$/) });
    });
  });

  test('HCL output writes the same resources with references as expressions', () => {
    const { stack } = makeStack({ flavour: 'provider', timeouts: { vpc: 30 } });
    const vpc = new Vpc(stack, 'net', { name: 'net', cidr: '10.0.0.0/16', cloudAccount: 'ca', realmProviderName: 'r' });
    new Template(stack, 'tpl', { name: 'tpl', genericImage: 'img', runList: ['recipe[x]'] });
    new Server(stack, 'srv', {
      name: 'srv', template: 'tpl-1', serverPlan: 'sp', cloudAccount: 'ca', sshProfile: 'ssh', firewallProfile: 'fw', rebootTrigger: 'once',
    });
    expect(vpc.resource.terraformResourceType).toBe('imco_vpc');
    const hcl = String(Testing.synthHcl(stack));
    expect(hcl).toContain('resource "imco_vpc" "net"');
    expect(hcl).toContain('resource "imco_server_reboot" "srv_reboot"');
    expect(hcl).toContain('server_id = "${imco_server.srv.id}"');
    expect(hcl.replace(/\s+/g, ' ')).toContain('run_list = [ "recipe[x]" ]');
    expect(hcl.replace(/\s+/g, ' ')).toContain('timeouts { create = "30s" update = "30s" delete = "30s" }');
    expect(hcl).toMatch(/source\s*=\s*"imco\/imco"/);
  });
});
