// ImcoSettings: defaults, flavour switch (null provider added once), credential environment,
// bridge command, endpoint recorded in specs, timeouts, and misuse reported by validation.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TerraformStack, Testing } from 'cdktf';
import { NullProvider } from '@cdktf/provider-null/lib/provider';
import { FirewallProfile, ImcoSettings, Script, defaultBridgeCommand } from '../../lib/constructs';
import { makeStack, provisioners, resourcesOf, specOf, synthJson, triggersOf, validationErrors, withEnv } from './helpers';

const REPO_ROOT = resolve(__dirname, '..', '..');

describe('ImcoSettings', () => {
  test('without ImcoSettings: the provider flavour, the provider block discovering the endpoint itself', () => {
    withEnv({ CONCERTO_ENDPOINT: 'https://env.example:886/' }, () => {
      const stack = new TerraformStack(Testing.app(), 'shop');
      new FirewallProfile(stack, 'fw', { name: 'fw' });
      expect(ImcoSettings.of(stack)).toBeUndefined();
      expect(ImcoSettings.resolve(stack).flavour).toBe('provider');
      const json = synthJson(stack);
      expect(Object.keys(json.resource)).toEqual(['imco_firewall_profile']);
      expect(json.resource.imco_firewall_profile.fw.name).toBe('fw');
      expect(json.terraform.required_providers.imco.source).toBe('imco/imco');
      // A discovered endpoint is not forced on the provider: it discovers it the same way.
      expect(json.provider.imco[0].endpoint).toBeUndefined();
      expect(json.provider.imco[0].stack).toBe('shop');
      expect(validationErrors(stack)).toEqual([]);
    });
  });

  test("flavour 'terraform_data' with no other setting: default bridge command, endpoint from CONCERTO_ENDPOINT", () => {
    withEnv({ CONCERTO_ENDPOINT: 'https://env.example:886/' }, () => {
      const stack = new TerraformStack(Testing.app(), 'shop');
      new ImcoSettings(stack, 'imco', { flavour: 'terraform_data' });
      new FirewallProfile(stack, 'fw', { name: 'fw' });
      const json = synthJson(stack);
      const fw = resourcesOf(json, 'terraform_data').fw;
      expect(provisioners(fw)[0].command).toBe(`sh "${join(REPO_ROOT, 'bin', 'imco-bridge.sh')}" create`);
      expect(triggersOf(fw, 'terraform_data').imco_endpoint).toBe('https://env.example:886/v2');
      // A discovered endpoint is not forced on the handler: it discovers it the same way.
      expect(provisioners(fw)[0].environment.CONCERTO_ENDPOINT).toBeUndefined();
      expect(json.provider).toBeUndefined();
      expect(validationErrors(stack)).toEqual([]);
    });
  });

  test('the default bridge command points at this package from lib/ and dist/lib/ alike', () => {
    expect(defaultBridgeCommand('linux')).toBe(`sh "${join(REPO_ROOT, 'bin', 'imco-bridge.sh')}"`);
    expect(defaultBridgeCommand('win32')).toBe(`node "${join(REPO_ROOT, 'bin', 'imco-bridge.js')}"`);
  });

  test('no endpoint anywhere is one validation error on the stack naming the three ways', () => {
    const home = mkdtempSync(join(tmpdir(), 'imco-home-'));
    withEnv({ CONCERTO_ENDPOINT: undefined, CONCERTO_CONFIG: undefined, HOME: home }, () => {
      const stack = new TerraformStack(Testing.app(), 'shop');
      new FirewallProfile(stack, 'a', { name: 'a' });
      new FirewallProfile(stack, 'b', { name: 'b' });
      expect(validationErrors(stack)).toEqual([
        `[shop] IMCO settings: no IMCO endpoint configured (CONCERTO_ENDPOINT is unset and ${join(home, '.concerto', 'client.xml')} does not exist): ` +
          "set it with new ImcoSettings(stack, 'imco', { endpoint: 'https://clients.<domain>' }), export CONCERTO_ENDPOINT, " +
          'or put a server="…" attribute in the client.xml at CONCERTO_CONFIG or ~/.concerto/client.xml',
      ]);
    });
  });

  test('explicit endpoint and credential paths become absolute CONCERTO_* variables of every provisioner', () => {
    const { stack } = makeStack({
      endpoint: 'https://clients.example.com:886/',
      credentials: { caCertPath: 'ssl/ca.pem', clientCertPath: '/etc/imco/cert.pem', clientKeyPath: '/etc/imco/key.pem', configPath: '/etc/imco/client.xml' },
    });
    new FirewallProfile(stack, 'fw', { name: 'fw' });
    const json = synthJson(stack);
    const expected = {
      CONCERTO_ENDPOINT: 'https://clients.example.com:886/v2',
      CONCERTO_CA_CERT: resolve('ssl/ca.pem'),
      CONCERTO_CLIENT_CERT: '/etc/imco/cert.pem',
      CONCERTO_CLIENT_KEY: '/etc/imco/key.pem',
      CONCERTO_CONFIG: '/etc/imco/client.xml',
    };
    const all = Object.values(resourcesOf(json, 'terraform_data')).flatMap(provisioners);
    expect(all).toHaveLength(3);
    for (const p of all) expect(p.environment).toEqual(expect.objectContaining(expected));
    expect(specOf(resourcesOf(json, 'terraform_data').fw).endpoint).toBe('https://clients.example.com:886/v2');
  });

  test('null_resource flavour: null_resource resources and the null provider, once per stack', () => {
    const { stack } = makeStack({ flavour: 'null_resource' });
    new FirewallProfile(stack, 'a', { name: 'a' });
    new FirewallProfile(stack, 'b', { name: 'b' });
    const json = synthJson(stack);
    expect(json.resource.terraform_data).toBeUndefined();
    expect(Object.keys(json.resource.null_resource).sort()).toEqual(['a', 'a_sync', 'b', 'b_sync', 'imco_prune', 'imco_sweep']);
    expect(json.provider).toEqual({ null: [{}] });
    expect(json.terraform.required_providers.null.source).toBe('null');
    expect(stack.node.findAll().filter((c) => c instanceof NullProvider)).toHaveLength(1);
  });

  test('a null provider the user declared is reused', () => {
    const { stack } = makeStack({ flavour: 'null_resource' });
    new NullProvider(stack, 'mine', { alias: 'x' });
    new FirewallProfile(stack, 'a', { name: 'a' });
    expect(stack.node.findAll().filter((c) => c instanceof NullProvider)).toHaveLength(1);
  });

  test('timeouts: construct prop > settings per kind > catalog default', () => {
    const { stack } = makeStack({ timeouts: { script: 120 } });
    new Script(stack, 'a', { name: 'a' });
    new Script(stack, 'b', { name: 'b', timeoutSeconds: 30 });
    new FirewallProfile(stack, 'c', { name: 'c' });
    const r = resourcesOf(synthJson(stack), 'terraform_data');
    expect([specOf(r.a).timeoutSeconds, specOf(r.b).timeoutSeconds, specOf(r.c).timeoutSeconds]).toEqual([120, 30, 60]);
    expect(r.b.input).toEqual({ imco_timeout: '30' });
    expect(triggersOf(r.b, 'terraform_data').imco_timeout).toBeUndefined();
  });

  test('with null_resource the timeout is one of the triggers (no input attribute there)', () => {
    const { stack } = makeStack({ flavour: 'null_resource' });
    new Script(stack, 'a', { name: 'a', timeoutSeconds: 45 });
    const a = resourcesOf(synthJson(stack), 'null_resource').a;
    expect(triggersOf(a, 'null_resource').imco_timeout).toBe('45');
    expect(a.input).toBeUndefined();
  });

  test('custom bridge command is used verbatim (escaped for Terraform)', () => {
    const { stack } = makeStack({ bridgeCommand: 'npx imco-bridge --from ${PWD}' });
    new FirewallProfile(stack, 'fw', { name: 'fw' });
    const fw = resourcesOf(synthJson(stack), 'terraform_data').fw;
    expect(provisioners(fw).map((p) => p.command)).toEqual(['npx imco-bridge --from $${PWD} create', 'npx imco-bridge --from $${PWD} delete']);
  });
});
