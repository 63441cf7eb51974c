// `imco-bridge repoint`'s state rewrite, and the synthesized side it relies on: the lifecycle and
// prune resources keep `imco_endpoint` as created (ignore_changes), and the update provisioner
// reads the kept value.
import { App, TerraformStack } from 'cdktf';
import { join } from 'node:path';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { repointState } from '../../lib/cli/repoint';
import { FirewallProfile, ImcoSettings, type HandlerFlavour } from '../../lib/constructs';

test('repointState rewrites every recorded imco_endpoint of both flavours and bumps the serial', () => {
  const state = {
    serial: 7,
    resources: [
      { mode: 'managed', type: 'terraform_data', name: 'fw', instances: [{ attributes: { triggers_replace: { value: { imco_kind: 'firewall_profile', imco_endpoint: 'https://a/v2' } } } }] },
      { mode: 'managed', type: 'null_resource', name: 'vpc', instances: [{ attributes: { triggers: { imco_kind: 'vpc', imco_endpoint: 'https://a/v2' } } }] },
      { mode: 'managed', type: 'terraform_data', name: 'fw_sync', instances: [{ attributes: { triggers_replace: { value: { imco_lifecycle: 'x' } } } }] },
      { mode: 'managed', type: 'terraform_data', name: 'done', instances: [{ attributes: { triggers_replace: { value: { imco_endpoint: 'https://b/v2' } } } }] },
    ],
  };
  expect(repointState(state, 'https://b/v2')).toEqual(['terraform_data.fw', 'null_resource.vpc']);
  expect(state.serial).toBe(8);
  expect(state.resources[0].instances[0].attributes.triggers_replace?.value.imco_endpoint).toBe('https://b/v2');
  expect(state.resources[1].instances[0].attributes.triggers?.imco_endpoint).toBe('https://b/v2');
  expect(repointState(state, 'https://b/v2')).toEqual([]);
  expect(state.serial).toBe(8);
});

describe.each(['terraform_data', 'null_resource'] as HandlerFlavour[])('%s flavour', (flavour) => {
  test('lifecycle and prune resources keep imco_endpoint; the update provisioner reads the kept value', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'imco-repoint-synth-'));
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'kept');
    new ImcoSettings(stack, 'imco', { flavour, endpoint: 'https://h.example.com/v2', bridgeCommand: 'imco-bridge' });
    new FirewallProfile(stack, 'fw', { name: 'fw' });
    app.synth();
    const doc = JSON.parse(readFileSync(join(outdir, 'stacks', 'kept', 'cdk.tf.json'), 'utf8'));
    const map = flavour === 'null_resource' ? 'triggers' : 'triggers_replace';
    const resources = doc.resource[flavour];
    for (const name of ['fw', 'imco_prune']) expect(resources[name].lifecycle.ignore_changes).toEqual([`${map}["imco_endpoint"]`]);
    expect(resources.fw_sync.lifecycle).toBeUndefined();
    const env = resources.fw_sync.provisioner[0]['local-exec'].environment;
    expect(env.IMCO_BRIDGE_RECORDED_ENDPOINT).toBe(`\${${flavour}.fw.${map}.imco_endpoint}`);
    expect(env.IMCO_STACK_INSTANCE).toMatch(/^[A-Za-z0-9_-]{8,40}$/);
  });
});
