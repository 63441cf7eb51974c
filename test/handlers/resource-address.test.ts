// The Terraform address handlers name in -replace hints: read from the synthesized stack in the
// directory the provisioner runs in (which tells the flavour), else derived from the construct path.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { FirewallProfile, ImcoSettings } from '../../lib/constructs';
import { lifecycleAddressOf } from '../../lib/handlers/resource-address';

function synthesized(flavour: 'terraform_data' | 'null_resource'): string {
  const outdir = mkdtempSync(join(tmpdir(), 'imco-address-'));
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'shop');
  new ImcoSettings(stack, 'imco', { endpoint: 'https://imco.test:886', bridgeCommand: 'imco-bridge', flavour });
  new FirewallProfile(new Construct(stack, 'net'), 'web fw', { name: 'web', rules: [] });
  app.synth();
  return join(outdir, 'stacks', 'shop');
}

test('the address comes from the stack directory, flavour included', () => {
  expect(lifecycleAddressOf({ stack: 'shop', path: 'net/web fw' }, synthesized('null_resource'))).toBe('null_resource.net_web_fw');
  expect(lifecycleAddressOf({ stack: 'shop', path: 'net/web fw' }, synthesized('terraform_data'))).toBe('terraform_data.net_web_fw');
});

test('without a synthesized stack it is derived from the construct path', () => {
  const empty = mkdtempSync(join(tmpdir(), 'imco-address-'));
  expect(lifecycleAddressOf({ stack: 'shop', path: 'net/web' }, empty)).toBe('terraform_data.net_web');
  expect(lifecycleAddressOf({ stack: 'shop', path: '1st' }, empty)).toBe('terraform_data._1st');
});
