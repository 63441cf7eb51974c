// The plan summary npm start prints: counts and one line per object from `terraform show -json`
// (create, update with the changed attribute names, replacement with the forcing attribute first,
// delete, moves), data sources and no-ops left out.
import { changeLine, countsLine, plannedChanges } from '../../lib/cli/plan-summary';

const plan = {
  format_version: '1.2',
  resource_changes: [
    { address: 'imco_firewall_profile.web-fw', mode: 'managed', type: 'imco_firewall_profile', name: 'web-fw', change: { actions: ['create'], before: null, after: { name: 'shop-web', rules: [] }, after_unknown: { id: true } } },
    {
      address: 'imco_vpc.vpc', mode: 'managed', type: 'imco_vpc', name: 'vpc',
      change: { actions: ['update'], before: { id: 'v1', name: 'shop-old', cidr: '10.0.0.0/16', timeouts: null }, after: { id: 'v1', name: 'shop', cidr: '10.0.0.0/16', timeouts: null }, after_unknown: {} },
    },
    {
      address: 'imco_subnet.public', mode: 'managed', type: 'imco_subnet', name: 'public',
      change: {
        actions: ['delete', 'create'], before: { id: 's1', name: 'shop-public', cidr: '10.0.1.0/24', type: 'only_public' },
        after: { name: 'shop-public', cidr: '10.0.3.0/24', type: 'only_public' }, after_unknown: { id: true }, replace_paths: [['cidr']],
      },
    },
    { address: 'imco_volume.data', mode: 'managed', type: 'imco_volume', name: 'data', change: { actions: ['delete'], before: { id: 'x', name: 'shop-db-data' }, after: null } },
    { address: 'imco_vpn.vpn', mode: 'managed', type: 'imco_vpn', name: 'vpn', change: { actions: ['create'], before: null, after: { public_ip: '203.0.113.20' }, after_unknown: { id: true } } },
    { address: 'imco_ssh_profile.ssh', mode: 'managed', type: 'imco_ssh_profile', name: 'ssh', previous_address: 'terraform_data.ssh', change: { actions: ['no-op'], before: { name: 'ops' }, after: { name: 'ops' } } },
    { address: 'imco_script.s', mode: 'managed', type: 'imco_script', name: 's', change: { actions: ['no-op'], before: { name: 'same' }, after: { name: 'same' } } },
    { address: 'data.imco_x.y', mode: 'data', type: 'imco_x', name: 'y', change: { actions: ['read'], before: null, after: {} } },
  ],
};

test('one line per object: + create, ~ update (changed attributes), -/+ replace (forcing attribute), - delete, -> moved', () => {
  expect(plannedChanges(plan).map(changeLine)).toEqual([
    '+ firewall_profile shop-web',
    '~ vpc shop (name)',
    '-/+ subnet shop-public (cidr)',
    '- volume shop-db-data',
    '+ vpn vpn',
    '-> ssh_profile ops (moved from terraform_data.ssh)',
  ]);
});

test('counts: creations, updates, replacements, deletions and moves', () => {
  expect(countsLine(plannedChanges(plan))).toBe('plan: 2 to create, 1 to update, 1 to replace, 1 to delete, 1 moved');
  expect(countsLine(plannedChanges({ resource_changes: [] }))).toBe('plan: 0 to create, 0 to update, 0 to replace, 0 to delete');
});

test('an attribute Terraform only knows after the apply counts as changed when it had a value', () => {
  const changes = plannedChanges({
    resource_changes: [
      { address: 'imco_template.t', mode: 'managed', type: 'imco_template', name: 't', change: { actions: ['update'], before: { name: 'web', image: 'a', id: 't1' }, after: { name: 'web', id: 't1' }, after_unknown: { image: true } } },
    ],
  });
  expect(changes.map(changeLine)).toEqual(['~ template web (image)']);
});

test('provisioner flavours: an object is named by the kind in its lifecycle triggers and the name in its _sync triggers, one line per object', () => {
  const td = (name: string, actions: string[], before: Record<string, unknown> | null, after: Record<string, unknown> | null) => ({
    address: `terraform_data.${name}`, mode: 'managed', type: 'terraform_data', name,
    change: { actions, before: before && { triggers_replace: before }, after: after && { triggers_replace: after } },
  });
  const fw = { imco_kind: 'firewall_profile', imco_path: 'db-fw' };
  const vpc = (cidr: string) => ({ imco_kind: 'vpc', imco_path: 'vpc', cidr });
  const changes = plannedChanges({
    resource_changes: [
      td('db-fw', ['no-op'], fw, fw),
      td('db-fw_sync', ['delete', 'create'], { name: 'shop-db', rules: 'a', imco_lifecycle: 'x' }, { name: 'shop-db', rules: 'a', imco_lifecycle: 'x', imco_drift: 'drifted:04ae' }),
      td('vpc', ['delete', 'create'], vpc('10.0.0.0/16'), vpc('10.1.0.0/16')),
      td('vpc_sync', ['delete', 'create'], { name: 'shop', imco_lifecycle: 'old' }, { name: 'shop', imco_lifecycle: 'new' }),
      td('imco_prune', ['delete', 'create'], { imco_prune: 's', imco_objects_000: '[1]' }, { imco_prune: 's', imco_objects_000: '[1,2]' }),
    ],
  });
  expect(changes.filter((c) => !c.withItsObject).map(changeLine)).toEqual([
    '-/+ firewall_profile shop-db (imco_drift)',
    '-/+ vpc shop (cidr)',
    '-/+ terraform_data imco_prune (imco_objects_000)',
  ]);
  // The vpc's _sync is counted (the apply completes it) but shown with its object.
  expect(changes.map((c) => c.address)).toContain('terraform_data.vpc_sync');
  expect(countsLine(changes)).toBe('plan: 0 to create, 0 to update, 3 to replace, 0 to delete');
});
