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
