// What npm start shows of terraform apply/init when not --verbose: a numbered line per completed
// resource with its kind and IMCO name, "still …" notes, the final line; nothing else.
import { applyProgress, initProgress } from '../../lib/cli/apply-progress';
import { plannedChanges } from '../../lib/cli/plan-summary';

const create = (type: string, name: string, imcoName: string) => ({ address: `${type}.${name}`, mode: 'managed', type, name, change: { actions: ['create'], before: null, after: { name: imcoName } } });

test('apply: one numbered line per completed resource, still-notes and the final line; the rest is held back', () => {
  const filter = applyProgress(plannedChanges({ resource_changes: [create('imco_vpc', 'vpc', 'shop'), create('imco_subnet', 'public', 'shop-public')] }));
  const shown = [
    'imco_vpc.vpc: Creating...',
    'imco_vpc.vpc: Creation complete after 1s [id=6b11b92b3c70242a4f9dc13f]',
    'imco_subnet.public: Creating...',
    'imco_subnet.public: Still creating... [10s elapsed]',
    'imco_subnet.public: Creation complete after 12s [id=6b11b92b3c70242a4f9dc159]',
    'Apply complete! Resources: 2 added, 0 changed, 0 destroyed.',
    'Outputs:',
    'vpc_id = "6b11b92b3c70242a4f9dc13f"',
  ]
    .map(filter)
    .filter((l) => l !== undefined);
  expect(shown).toEqual([
    '  [1/2] created imco_vpc.vpc (vpc shop) in 1s',
    '  … imco_subnet.public (subnet shop-public): still creating (10s)',
    '  [2/2] created imco_subnet.public (subnet shop-public) in 12s',
    'Apply complete! Resources: 2 added, 0 changed, 0 destroyed.',
  ]);
});

test('a saved destroy plan ends as terraform destroy would say it', () => {
  const filter = applyProgress(plannedChanges({ resource_changes: [{ address: 'imco_vpc.vpc', mode: 'managed', type: 'imco_vpc', name: 'vpc', change: { actions: ['delete'], before: { name: 'shop' }, after: null } }] }));
  expect(filter('imco_vpc.vpc: Destruction complete after 0s')).toBe('  [1/1] deleted imco_vpc.vpc (vpc shop) in 0s');
  expect(filter('Apply complete! Resources: 0 added, 0 changed, 1 destroyed.')).toBe('Destroy complete! Resources: 1 destroyed.');
});

test('init: only the providers it installed', () => {
  expect(initProgress('- Installed imco/imco v0.1.0 (unauthenticated)')).toBe('  init: installed imco/imco v0.1.0');
  expect(initProgress('Initializing the backend...')).toBeUndefined();
});
