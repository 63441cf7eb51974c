// examples/server-array.ts synthesizes with the committed-context flow (IMCO_CONTEXT=strict, the
// emulator's seeded lookups): the template with its scripts and cookbooks, the array with its size
// and power state, and the plan mapping — size changes only the array's `_sync` resource, the
// template's image replaces the template's lifecycle resource.
import { join } from 'node:path';
import { EXAMPLE_ASSETS, ServerArrayStack, type ServerArrayStackProps } from '../../examples/server-array';
import { contentDigest } from '../../lib/bridge/archive';
import { seedId } from '../../lib/emulator/ids';
import { specOf, triggersOf } from '../constructs/helpers';
import { dataResources, seededLookups, synthExample } from './support';

const synth = (props: ServerArrayStackProps = {}) => synthExample((app, id) => new ServerArrayStack(app, id, props), { lookups: seededLookups() });

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
