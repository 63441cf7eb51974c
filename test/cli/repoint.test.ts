// `imco-bridge repoint`'s state rewrite: every recorded `imco_endpoint` (terraform_data keeps its
// triggers under `triggers_replace.value`, null_resource under `triggers`) becomes the new endpoint.
import { repointState } from '../../lib/cli/repoint';

type Attributes = { triggers_replace?: { value: Record<string, string> }; triggers?: Record<string, string> };
const resource = (type: string, name: string, attributes: Attributes) => ({ mode: 'managed', type, name, instances: [{ attributes }] });

test('repointState rewrites every recorded imco_endpoint of both flavours and bumps the serial', () => {
  const fw = resource('terraform_data', 'fw', { triggers_replace: { value: { imco_kind: 'firewall_profile', imco_endpoint: 'https://a/v2' } } });
  const vpc = resource('null_resource', 'vpc', { triggers: { imco_kind: 'vpc', imco_endpoint: 'https://a/v2' } });
  const sync = resource('terraform_data', 'fw_sync', { triggers_replace: { value: { imco_lifecycle: 'x' } } });
  const done = resource('terraform_data', 'done', { triggers_replace: { value: { imco_endpoint: 'https://b/v2' } } });
  const state = { serial: 7, resources: [fw, vpc, sync, done] };
  expect(repointState(state, 'https://b/v2')).toEqual(['terraform_data.fw', 'null_resource.vpc']);
  expect(state.serial).toBe(8);
  expect(fw.instances[0].attributes.triggers_replace?.value.imco_endpoint).toBe('https://b/v2');
  expect(vpc.instances[0].attributes.triggers?.imco_endpoint).toBe('https://b/v2');
  expect(sync.instances[0].attributes.triggers_replace?.value).toEqual({ imco_lifecycle: 'x' });
  expect(repointState(state, 'https://b/v2')).toEqual([]);
  expect(state.serial).toBe(8);
});
