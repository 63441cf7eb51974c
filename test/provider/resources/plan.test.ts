// Plan rules, pure: replace vs in place, unknown computed values, semantic equality of JSON and
// firewall rules, write-only values out of the plan, refused array shrink, secret rotation.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kindSpec } from '../../../lib/catalog';
import { type TfObject, isUnknown } from '../../../lib/provider/resource-type';
import { planResource } from '../../../lib/provider/resources/plan';
import { kindModel } from '../../../lib/provider/resources/schema';

const model = (kind: string) => kindModel(kindSpec(kind));

/** A full object of the kind's attributes: nulls, then `values`. */
function full(kind: string, values: TfObject): TfObject {
  const out: TfObject = {};
  for (const a of model(kind).schema.attributes) out[a.name] = null;
  out.timeouts = null;
  return { ...out, ...values };
}

const rule = (min: number, source = '0.0.0.0/0', proto = 'tcp') => ({ ip_protocol: proto, min_port: min, max_port: min, source });

describe('create', () => {
  test('computed values are unknown; configured ones kept; write-only values never planned', () => {
    const config = full('ssh_profile', { name: 'k', private_key_wo: 'SECRET', private_key_version: '1', owner: 'k' });
    const res = planResource(model('ssh_profile'), { prior: null, proposed: { ...config }, config });
    expect(res.diagnostics).toEqual([]);
    expect(isUnknown(res.planned!.id)).toBe(true);
    expect(res.planned!.name).toBe('k');
    expect(res.planned!.private_key_wo).toBeNull();
    expect(JSON.stringify(res.planned)).not.toContain('SECRET');
  });

  test('optional+computed attributes left out are unknown (power_state, size)', () => {
    const config = full('server_array', { name: 'a', template_id: 't', cloud_account_id: 'c', server_plan_id: 'p' });
    const res = planResource(model('server_array'), { prior: null, proposed: config, config });
    expect(isUnknown(res.planned!.size)).toBe(true);
    expect(isUnknown(res.planned!.power_state)).toBe(true);
    expect(isUnknown(res.planned!.state)).toBe(true);
  });

  test('a required secret with no source is refused with its attribute path', () => {
    const config = full('vpn', { vpc_id: 'v', public_ip: '1.2.3.4', exposed_cidrs: ['10.0.0.0/16'], vpn_plan_id: 'p' });
    const res = planResource(model('vpn'), { prior: null, proposed: config, config });
    expect(res.diagnostics).toEqual([expect.objectContaining({ severity: 'error', attribute: [{ attr: 'psk_wo' }] })]);
    expect(res.diagnostics![0].summary).toMatch(/psk is required: set psk_wo .*psk_env .*psk_file/);
  });
});

describe('update', () => {
  const fw = (rules: TfObject[], extra: TfObject = {}) => full('firewall_profile', { id: 'fw1', name: 'web', rules: rules as never, state: null, ...extra });

  test('a new firewall rule is an in-place update (no replace paths)', () => {
    const prior = fw([rule(22)]);
    const config = fw([rule(22), rule(443)], { id: null });
    const res = planResource(model('firewall_profile'), { prior, proposed: { ...config, id: 'fw1' }, config });
    expect(res.requiresReplace).toEqual([]);
    expect(res.planned!.id).toBe('fw1');
    expect((res.planned!.rules as TfObject[]).length).toBe(2);
  });

  test('reordered rules or another protocol case plan the prior value (no diff)', () => {
    const prior = fw([rule(22), rule(443)]);
    const config = fw([rule(443, '0.0.0.0/0', 'TCP'), rule(22)], { id: null });
    const res = planResource(model('firewall_profile'), { prior, proposed: { ...config, id: 'fw1' }, config });
    expect(res.planned!.rules).toEqual(prior.rules);
  });

  test('VPC cidr change requires replacement; a name change does not', () => {
    const prior = full('vpc', { id: 'v1', name: 'a', cidr: '10.0.0.0/16', cloud_account_id: 'c', realm_provider_name: 'r', state: 'available' });
    const cidr = { ...prior, cidr: '10.1.0.0/16' };
    expect(planResource(model('vpc'), { prior, proposed: cidr, config: { ...cidr, id: null, state: null } }).requiresReplace).toEqual([[{ attr: 'cidr' }]]);
    const renamed = { ...prior, name: 'b' };
    const res = planResource(model('vpc'), { prior, proposed: renamed, config: { ...renamed, id: null, state: null } });
    expect(res.requiresReplace).toEqual([]);
    expect(isUnknown(res.planned!.state)).toBe(true);
    expect(res.planned!.id).toBe('v1');
  });

  test('no change: the plan is the prior state, computed values kept', () => {
    const prior = full('vpc', { id: 'v1', name: 'a', cidr: '10.0.0.0/16', cloud_account_id: 'c', realm_provider_name: 'r', state: 'available' });
    const res = planResource(model('vpc'), { prior, proposed: { ...prior }, config: { ...prior, id: null, state: null } });
    expect(res.planned).toEqual(prior);
    expect(res.requiresReplace).toEqual([]);
  });

  test('semantically equal JSON text plans the prior text', () => {
    const prior = full('template', { id: 't1', name: 'a', generic_image_id: 'g', configuration_attributes: '{"a":1,"b":{"c":2}}', state: 'ready' });
    const config = { ...prior, id: null, state: null, configuration_attributes: '{ "b": {"c": 2}, "a": 1 }' };
    const res = planResource(model('template'), { prior, proposed: { ...config, id: 't1', state: 'ready' }, config });
    expect(res.planned!.configuration_attributes).toBe(prior.configuration_attributes);
    expect(res.planned!.state).toBe('ready');
  });

  test('an array shrink to a smaller non-zero size is refused at plan time with the path and what to do', () => {
    const prior = full('server_array', { id: 'a1', name: 'a', template_id: 't', cloud_account_id: 'c', server_plan_id: 'p', size: 3, power_state: 'operational' });
    const shrink = { ...prior, size: 2 };
    const res = planResource(model('server_array'), { prior, proposed: shrink, config: shrink });
    expect(res.diagnostics).toHaveLength(1);
    expect(res.diagnostics![0]).toMatchObject({ severity: 'error', attribute: [{ attr: 'size' }] });
    expect(res.diagnostics![0].summary).toMatch(/cannot shrink from 3 to 2.*set size back to 3.*size = 0.*-replace/);
    const grow = { ...prior, size: 4 };
    expect(planResource(model('server_array'), { prior, proposed: grow, config: grow }).diagnostics).toEqual([]);
    const empty = { ...prior, size: 0, power_state: 'inactive' };
    expect(planResource(model('server_array'), { prior, proposed: empty, config: empty }).diagnostics).toEqual([]);
  });

  test('a secret version change is an in-place update; for a VPN it is a replacement', () => {
    const ssh = full('ssh_profile', { id: 's1', name: 'k', private_key_env: 'KEY', private_key_version: '1' });
    const rotated = { ...ssh, private_key_version: '2' };
    const res = planResource(model('ssh_profile'), { prior: ssh, proposed: rotated, config: { ...rotated, id: null } });
    expect(res.requiresReplace).toEqual([]);
    expect(res.planned!.private_key_version).toBe('2');
    const vpn = full('vpn', { id: 'n', vpc_id: 'v', public_ip: '1.2.3.4', exposed_cidrs: ['10.0.0.0/16'], vpn_plan_id: 'p', psk_env: 'PSK', psk_version: '1' });
    const vpn2 = { ...vpn, psk_version: '2' };
    expect(planResource(model('vpn'), { prior: vpn, proposed: vpn2, config: { ...vpn2, id: null } }).requiresReplace).toEqual([[{ attr: 'psk_version' }]]);
  });

  test('a changed attachment file plans a replacement through its digest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imco-plan-'));
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'one');
    const config = full('attachment', { script_id: 's', name: 'a.txt', source: file });
    const created = planResource(model('attachment'), { prior: null, proposed: config, config });
    const sha = created.planned!.source_sha256;
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const prior = { ...config, id: 'att1', source_sha256: sha };
    expect(planResource(model('attachment'), { prior, proposed: prior, config }).requiresReplace).toEqual([]);
    writeFileSync(file, 'two');
    expect(planResource(model('attachment'), { prior, proposed: prior, config }).requiresReplace).toEqual([[{ attr: 'source_sha256' }]]);
  });
});

test('destroy plans null', () => {
  const prior = full('vpc', { id: 'v1' });
  expect(planResource(model('vpc'), { prior, proposed: null, config: null }).planned).toBeNull();
});

test('bad durations and JSON text are refused with their paths', () => {
  const config = full('template', { name: 'a', generic_image_id: 'g', configuration_attributes: '[1,2]', owner: 't', timeouts: { create: '10 minutes', update: null, delete: null } });
  const res = planResource(model('template'), { prior: null, proposed: config, config });
  expect(res.diagnostics!.map((d) => d.attribute)).toEqual([[{ attr: 'timeouts' }, { attr: 'create' }], [{ attr: 'configuration_attributes' }]]);
});

test('an owner that is not a valid label name is refused at plan time', () => {
  const config = full('vpc', { name: 'a', cidr: '10.0.0.0/16', cloud_account_id: 'c', realm_provider_name: 'r', owner: 'prod/web' });
  const res = planResource(model('vpc'), { prior: null, proposed: config, config });
  expect(res.diagnostics).toEqual([expect.objectContaining({ attribute: [{ attr: 'owner' }] })]);
  expect(res.diagnostics![0].summary).toMatch(/letters, digits, spaces, '\.', '_' and '-'/);
});

test('a labelable object created without owner gets a warning (not crash-safe); with owner, none', () => {
  const config = full('vpc', { name: 'a', cidr: '10.0.0.0/16', cloud_account_id: 'c', realm_provider_name: 'r' });
  const res = planResource(model('vpc'), { prior: null, proposed: config, config });
  expect(res.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', attribute: [{ attr: 'owner' }] })]);
  const owned = { ...config, owner: 'prod.net' };
  expect(planResource(model('vpc'), { prior: null, proposed: owned, config: owned }).diagnostics).toEqual([]);
  const subnet = full('subnet', { vpc_id: 'v', name: 'a', cidr: '10.0.1.0/24', type: 'only_private' });
  expect(planResource(model('subnet'), { prior: null, proposed: subnet, config: subnet }).diagnostics).toEqual([]);
});
