// examples/server-array.ts synthesizes with the committed-context flow (IMCO_CONTEXT=strict, the
// emulator's seeded lookups): the template with its scripts and cookbooks, the array with its size
// and power state, and the plan mapping — in the default (provider) flavour one imco_* resource per
// object (template scripts and attachments as their own resources); in the terraform_data flavour
// size changes only the array's `_sync` resource.
import { join } from 'node:path';
import { EXAMPLE_ASSETS, ServerArrayStack, type ServerArrayStackProps } from '../../examples/server-array';
import { contentDigest } from '../../lib/spec/archive';
import { seedId } from '../../lib/emulator/ids';
import { specOf, triggersOf } from '../constructs/helpers';
import { dataResources, seededLookups, synthExample } from './support';

/** The provisioner encoding of the example (flavour terraform_data, explicitly). */
const synth = (props: ServerArrayStackProps = {}) =>
  synthExample((app, id) => new ServerArrayStack(app, id, { settings: { flavour: 'terraform_data' }, ...props }), { lookups: seededLookups() });

/** The example as written (the default flavour: the provider). */
const synthDefault = (props: ServerArrayStackProps = {}) => synthExample((app, id) => new ServerArrayStack(app, id, props), { lookups: seededLookups() });

describe('provider flavour (the default)', () => {
  test('one imco_* resource per object and part, no terraform_data, references as ids', () => {
    const { errors, json, text } = synthDefault();
    expect(errors).toEqual([]);
    expect(text).not.toContain('terraform_data');
    const names = Object.entries(json.resource as Record<string, Record<string, unknown>>).flatMap(([type, byName]) => Object.keys(byName).map((n) => `${type}.${n}`));
    expect(names.sort()).toEqual(
      [
        'imco_attachment.bootstrap_attachment_registry_json', 'imco_cookbook_version.api-cookbook', 'imco_firewall_profile.api-fw', 'imco_script.bootstrap',
        'imco_script.drain', 'imco_server_array.api', 'imco_template.template', 'imco_template_script.template_boot_1', 'imco_template_script.template_operational_1',
      ].sort(),
    );
    const r = json.resource;
    expect(r.imco_template.template.generic_image_id).toBe(seedId('generic_image:Debian 12 Bookworm x86_64'));
    expect(JSON.parse(r.imco_template.template.cookbook_versions)).toEqual({ api: { version_id: '${imco_cookbook_version.api-cookbook.id}' }, nginx: { version: '~> 12.0' } });
    expect(r.imco_template_script.template_boot_1).toEqual(
      expect.objectContaining({
        template_id: '${imco_template.template.id}',
        script_id: '${imco_script.bootstrap.id}',
        type: 'boot',
        parameter_values: { REGISTRY_URL: 'https://registry.example.internal', ENVIRONMENT: 'staging' },
      }),
    );
    expect(r.imco_cookbook_version['api-cookbook'].archive_sha256).toBe(contentDigest(join(EXAMPLE_ASSETS, 'cookbooks', 'api')));
    expect(r.imco_server_array.api).toEqual(
      expect.objectContaining({
        server_plan_id: seedId('server_plan:aws:eu-west-1:t3.medium'),
        template_id: '${imco_template.template.id}',
        firewall_profile_id: '${imco_firewall_profile.api-fw.id}',
        size: 3,
        power_state: 'operational',
        owner: json.output.array_label.value,
      }),
    );
  });

  test('a new size or power state changes only those attributes of the array (in place for the provider)', () => {
    const before = synthDefault().json.resource.imco_server_array.api;
    const after = synthDefault({ size: 5, powerState: 'inactive' }).json.resource.imco_server_array.api;
    const changed = Object.keys(after).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k])).sort();
    expect(changed).toEqual(['power_state', 'size']);
  });
});

test('synthesizes a cookbook, two scripts, a template, a firewall profile and a server array without validation errors', () => {
  const { errors, json } = synth();
  expect(errors).toEqual([]);
  expect(Object.keys(dataResources(json)).sort()).toEqual(
    ['api', 'api_sync', 'api-cookbook', 'api-cookbook_sync', 'api-fw', 'api-fw_sync', 'bootstrap', 'bootstrap_sync', 'drain', 'drain_sync', 'imco_prune', 'imco_sweep', 'template', 'template_sync'].sort(),
  );
  expect(json.output.array_label.value).toMatch(/^example\.api-[0-9a-f]{16}$/);
  expect(json.output.cookbook.value).toBe('api');
});

test('the template carries its image, cookbooks and scripts; the array its plan, size and power state', () => {
  const r = dataResources(synth().json);
  const template = specOf(r.template);
  expect(template.fields.generic_image_id).toBe(seedId('generic_image:Debian 12 Bookworm x86_64'));
  expect(template.fields.run_list).toEqual(['recipe[api]', 'recipe[nginx]']);
  expect(template.fields.cookbook_versions).toEqual({
    api: { version_id: { $ref: { kind: 'cookbook_version', owner: 'example.api-cookbook', path: 'api-cookbook' } } },
    nginx: { version: '~> 12.0' },
  });
  expect(template.extras.scripts).toEqual({
    boot: [
      {
        script: { $ref: { kind: 'script', owner: 'example.bootstrap', path: 'bootstrap' } },
        parameterValues: { REGISTRY_URL: 'https://registry.example.internal', ENVIRONMENT: 'staging' },
      },
    ],
    operational: [{ script: { $ref: { kind: 'script', owner: 'example.drain', path: 'drain' } }, parameterValues: {} }],
    shutdown: [],
  });
  const cookbook = triggersOf(r['api-cookbook'], 'terraform_data');
  expect(cookbook.archive_sha256).toBe(contentDigest(join(EXAMPLE_ASSETS, 'cookbooks', 'api')));
  const bootstrap = specOf(r.bootstrap);
  expect(bootstrap.fields.parameters).toEqual(['REGISTRY_URL', 'ENVIRONMENT']);
  expect(bootstrap.fields.code).toContain('registering $(hostname)');
  expect(bootstrap.extras.attachments?.map((a) => a.name)).toEqual(['registry.json']);

  const array = triggersOf(r.api, 'terraform_data');
  expect(array.server_plan_id).toBe(seedId('server_plan:aws:eu-west-1:t3.medium'));
  expect(array.cloud_account_id).toBe(seedId('cloud_account:AWS-cloud_account-production'));
  expect(array.template_id).toBe('${terraform_data.template.id}');
  expect(array.firewall_profile_id).toBe('${terraform_data.api-fw.id}');
  // Only the name is updatable in IMCO; size and power state are reached with actions.
  expect(triggersOf(r.api_sync, 'terraform_data')).toEqual({ imco_lifecycle: '${terraform_data.api.id}', name: 'api', size: '3', power: 'operational' });
});

test('a new size or power state changes only the array _sync triggers (converged in place)', () => {
  const before = dataResources(synth().json);
  const after = dataResources(synth({ size: 5, powerState: 'inactive' }).json);
  expect(triggersOf(after.api, 'terraform_data')).toEqual(triggersOf(before.api, 'terraform_data'));
  const changed = Object.entries(triggersOf(after.api_sync, 'terraform_data'))
    .filter(([k, v]) => triggersOf(before.api_sync, 'terraform_data')[k] !== v)
    .map(([k]) => k)
    .sort();
  expect(changed).toEqual(['power', 'size']);
});

test('a size the API cannot take is a validation error naming the construct', () => {
  const { errors } = synth({ size: -1 });
  expect(errors).toEqual([expect.stringMatching(/^\[example\/api\] server array 'api': size must be .*-1/)]);
});
